import { sectorFromContract, type Sector } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { OfferFactEntity } from '../infrastructure/offer-fact.entity';
import { ParticipantFactEntity } from '../infrastructure/participant-fact.entity';

export interface Participation {
  readonly teacherId: string;
  readonly enrolmentId: string;
  readonly offerId: string;
  readonly sector: Sector;
  readonly regionId: string;
  readonly startedOn: string;
}

/**
 * A teacher took part: the teacher counts once, from the earliest participation (ties broken by enrolment id), so
 * the order events arrive in and replays change nothing. Every participation is considered, not only the one flagged
 * first: the count stays right if a flag was wrong or the flagged event is late.
 */
export async function recordParticipation(participation: Participation, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(ParticipantFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS p (teacher_id, started_on, enrolment_id, offer_id, sector, region_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (teacher_id) DO UPDATE SET started_on = EXCLUDED.started_on, enrolment_id = EXCLUDED.enrolment_id,
       offer_id = EXCLUDED.offer_id, sector = EXCLUDED.sector, region_id = EXCLUDED.region_id
     WHERE (EXCLUDED.started_on, EXCLUDED.enrolment_id) < (p.started_on, p.enrolment_id)`,
    [
      participation.teacherId,
      participation.startedOn,
      participation.enrolmentId,
      participation.offerId || null,
      sectorFromContract(participation.sector) ?? null,
      participation.regionId || null,
    ],
  );
}

/** An offer's format: the newest revision wins (equal revisions, e.g. 0 before revisions: the later event time). */
export async function recordOfferFormat(offer: { offerId: string; format: string; revision: bigint; at: Date }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(OfferFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS o (offer_id, format, revision, event_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (offer_id) DO UPDATE SET format = EXCLUDED.format, revision = EXCLUDED.revision, event_at = EXCLUDED.event_at
     WHERE (EXCLUDED.revision, EXCLUDED.event_at) > (o.revision, o.event_at)`,
    [offer.offerId, offer.format, offer.revision.toString(), offer.at],
  );
}
