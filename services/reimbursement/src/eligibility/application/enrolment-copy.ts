import type { MessageShape } from '@bufbuild/protobuf';
import { sectorFromContract, type EnrolmentSnapshotSchema } from '@napl/contracts';
import { amsterdamDate } from '@napl/domain';
import type { HandlerContext } from '@napl/messaging';
import { EnrolmentFactEntity } from '../infrastructure/enrolment-fact.entity';

/**
 * Where an enrolment is in its life. Enrolment events carry no revision, but the life only moves forward: an ending
 * (cancelled, completed, not completed) is never replaced by a confirmation that arrives late, and the first ending
 * stands. `unknown` is a copy made from a participation event that arrived before the enrolment's own events.
 */
export const ENROLMENT_STAGE = { unknown: 0, confirmed: 1, cancelled: 2, completed: 2, 'not-completed': 2 } as const;
export type EnrolmentStatus = keyof typeof ENROLMENT_STAGE;

const STAGE_SQL = (column: string) =>
  `(CASE ${column} ${Object.entries(ENROLMENT_STAGE)
    .map(([status, stage]) => `WHEN '${status}' THEN ${stage}`)
    .join(' ')} END)`;

export interface EnrolmentChange {
  readonly status: EnrolmentStatus;
  /** When the place was given (confirmed or promoted from the waiting list); null for other events. */
  readonly placedAt?: Date | null;
  readonly sessionsAttended?: number | null;
  readonly started?: boolean;
}

/** Applies one enrolment event to the copy: the snapshot's facts, and the stage when it moves the life forward. */
export async function recordEnrolment(snapshot: MessageShape<typeof EnrolmentSnapshotSchema>, change: EnrolmentChange, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(EnrolmentFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS f (enrolment_id, teacher_id, offer_id, run_id, provider_id, school_id, sector, price_cents, status, enrolled_on, started, sessions_attended, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
     ON CONFLICT (enrolment_id) DO UPDATE SET
       teacher_id = EXCLUDED.teacher_id, offer_id = EXCLUDED.offer_id, run_id = EXCLUDED.run_id, provider_id = EXCLUDED.provider_id,
       school_id = COALESCE(EXCLUDED.school_id, f.school_id), sector = EXCLUDED.sector,
       price_cents = CASE WHEN f.status = 'unknown' OR f.price_cents = 0 THEN EXCLUDED.price_cents ELSE f.price_cents END,
       status = CASE WHEN ${STAGE_SQL('EXCLUDED.status')} > ${STAGE_SQL('f.status')} THEN EXCLUDED.status ELSE f.status END,
       enrolled_on = LEAST(f.enrolled_on, EXCLUDED.enrolled_on),
       started = f.started OR EXCLUDED.started,
       sessions_attended = CASE WHEN ${STAGE_SQL('EXCLUDED.status')} > ${STAGE_SQL('f.status')} THEN EXCLUDED.sessions_attended ELSE COALESCE(f.sessions_attended, EXCLUDED.sessions_attended) END,
       updated_at = now()`,
    [
      snapshot.enrolmentId,
      snapshot.teacherId,
      snapshot.offerId,
      snapshot.runId,
      snapshot.providerId,
      // Events from before school ids name only the BRIN: its main location (00) is the best guess.
      snapshot.schoolId || (snapshot.schoolBrin ? `${snapshot.schoolBrin}00` : null),
      sectorFromContract(snapshot.sector) ?? '',
      snapshot.priceCents.toString(),
      change.status,
      change.placedAt ? amsterdamDate(change.placedAt) : null,
      change.started ?? false,
      change.sessionsAttended ?? null,
    ],
  );
}

/** The teacher's participation started: the enrolment counts under a rule that asks only that. */
export async function recordStart(start: { enrolmentId: string; teacherId: string; runId: string; offerId: string }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(EnrolmentFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (enrolment_id, teacher_id, offer_id, run_id, provider_id, status, started, updated_at)
     VALUES ($1, $2, $3, $4, '00000000-0000-0000-0000-000000000000', 'unknown', true, now())
     ON CONFLICT (enrolment_id) DO UPDATE SET started = true, updated_at = now()`,
    [start.enrolmentId, start.teacherId, start.offerId || '00000000-0000-0000-0000-000000000000', start.runId],
  );
}
