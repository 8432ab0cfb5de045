import { sectorFromContract, type EnrolmentSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { column, writeFacts, type FactTable } from '../../database/fact-upsert';
import { EnrolmentFactEntity } from '../infrastructure/enrolment-fact.entity';

export type EnrolmentMoment = 'confirmed_at' | 'cancelled_at' | 'completed_at' | 'not_completed_at';

const MOMENTS: readonly EnrolmentMoment[] = ['confirmed_at', 'cancelled_at', 'completed_at', 'not_completed_at'];

interface EnrolmentRow {
  readonly snapshot: EnrolmentSnapshot;
  readonly moments: Partial<Record<EnrolmentMoment, Date>>;
}

/**
 * Sets the moments of an enrolment (the earliest of each, if one comes twice), creating the row from the snapshot if
 * it is the first event of the enrolment to arrive. A moment the event does not name is NULL, which LEAST passes over,
 * so the other moments are left alone and the order of arrival does not matter.
 */
const ENROLMENTS: FactTable<EnrolmentRow> = {
  entity: EnrolmentFactEntity,
  columns: [
    column('enrolment_id', 'text', (e) => e.snapshot.enrolmentId),
    column('teacher_id', 'text', (e) => e.snapshot.teacherId),
    column('offer_id', 'text', (e) => e.snapshot.offerId),
    column('sector', 'text', (e) => sectorFromContract(e.snapshot.sector) ?? null),
    column('region_id', 'text', (e) => e.snapshot.regionId || null),
    ...MOMENTS.map((moment) => column<EnrolmentRow>(moment, 'timestamptz', (e) => e.moments[moment] ?? null)),
  ],
  key: (e) => e.snapshot.enrolmentId,
  onConflict: `ON CONFLICT (enrolment_id) DO UPDATE SET ${MOMENTS.map((moment) => `${moment} = LEAST(t.${moment}, EXCLUDED.${moment})`).join(', ')}`,
  // The first row's snapshot (as if it arrived first) and, per moment, the earliest of the two.
  fold: (a, b) => {
    const moments = { ...a.moments };
    for (const moment of MOMENTS) {
      const other = b.moments[moment];
      if (other && !(moments[moment] && moments[moment] <= other)) moments[moment] = other;
    }
    return { snapshot: a.snapshot, moments };
  },
};

export async function recordEnrolmentMoment(snapshot: EnrolmentSnapshot, moment: EnrolmentMoment, at: Date, context: HandlerContext): Promise<void> {
  await writeFacts(context, ENROLMENTS, [{ snapshot, moments: { [moment]: at } }]);
}
