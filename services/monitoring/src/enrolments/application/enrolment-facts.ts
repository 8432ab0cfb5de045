import { sectorFromContract, type EnrolmentSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { EnrolmentFactEntity } from '../infrastructure/enrolment-fact.entity';

export type EnrolmentMoment = 'confirmed_at' | 'cancelled_at' | 'completed_at' | 'not_completed_at';

/**
 * Sets one moment of an enrolment (the earliest, if it comes twice), creating the row from the snapshot if it is the
 * first event of the enrolment to arrive. The other moments are left alone, so the order of arrival does not matter.
 */
export async function recordEnrolmentMoment(snapshot: EnrolmentSnapshot, moment: EnrolmentMoment, at: Date, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(EnrolmentFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS e (enrolment_id, teacher_id, offer_id, sector, region_id, ${moment}) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (enrolment_id) DO UPDATE SET ${moment} = LEAST(e.${moment}, EXCLUDED.${moment})`,
    [snapshot.enrolmentId, snapshot.teacherId, snapshot.offerId, sectorFromContract(snapshot.sector) ?? null, snapshot.regionId || null, at],
  );
}
