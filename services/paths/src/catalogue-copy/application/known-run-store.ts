import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { RunSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { isNewerThanCopy, revisionAfter } from '@napl/persistence';
import { KnownRunEntity } from '../infrastructure/known-run.entity';
import { RunPlaceEntity } from '../infrastructure/run-place.entity';

/** Stores a scheduled or changed run, unless the copy holds a newer change of it. A cancelled run stays cancelled. */
export async function upsertRun(run: RunSnapshot, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownRunEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (run_id, offer_id, start_date, end_date, enrolment_deadline, capacity, online, status, source_version, source_revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'scheduled', $8, $9)
     ON CONFLICT (run_id) DO UPDATE SET
       offer_id = EXCLUDED.offer_id, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
       enrolment_deadline = EXCLUDED.enrolment_deadline, capacity = EXCLUDED.capacity, online = EXCLUDED.online,
       source_version = EXCLUDED.source_version, source_revision = ${revisionAfter(table, 'EXCLUDED.source_revision')}
     WHERE ${table}.status <> 'cancelled' AND ${isNewerThanCopy(table, 'EXCLUDED.source_revision', 'EXCLUDED.source_version')}`,
    [
      run.runId, run.offerId, run.startDate, run.endDate, run.enrolmentDeadline ? timestampDate(run.enrolmentDeadline) : null,
      run.capacity, run.online, new Date(envelope.occurredAt), revision.toString(),
    ],
  );
}

/** A cancellation is final; a run not known yet is remembered as cancelled, so a late RunScheduled cannot revive it. */
export async function cancelRun(runId: string, offerId: string, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownRunEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (run_id, offer_id, start_date, end_date, capacity, online, status, source_version, source_revision)
     VALUES ($1, $2, '-infinity', '-infinity', 0, false, 'cancelled', $3, $4)
     ON CONFLICT (run_id) DO UPDATE SET status = 'cancelled', source_version = EXCLUDED.source_version,
       source_revision = ${revisionAfter(table, 'EXCLUDED.source_revision')}`,
    [runId, offerId, new Date(envelope.occurredAt), revision.toString()],
  );
}

/**
 * An enrolment took a place (confirmed, promoted) or gave it up (cancelled). A cancellation is final: a confirmation
 * arriving after it does not take the place back.
 */
export async function recordPlace(enrolmentId: string, runId: string, change: 'taken' | 'cancelled', { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(RunPlaceEntity).tablePath;
  const cancelled = change === 'cancelled';
  await manager.query(
    `INSERT INTO ${table} (enrolment_id, run_id, holds_place, cancelled) VALUES ($1, $2, $3, $4)
     ON CONFLICT (enrolment_id) DO UPDATE SET holds_place = EXCLUDED.holds_place AND NOT ${table}.cancelled,
       cancelled = ${table}.cancelled OR EXCLUDED.cancelled`,
    [enrolmentId, runId, !cancelled, cancelled],
  );
}
