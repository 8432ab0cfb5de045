import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { RunSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { isNewerThanCopy, revisionAfter } from '@napl/persistence';
import { KnownRunEntity } from '../infrastructure/known-run.entity';

/**
 * Stores a scheduled or changed run, unless the copy already holds a newer change of it (a greater catalogue
 * revision; see @napl/persistence source-order). A cancelled run stays cancelled.
 */
export async function upsertKnownRun(run: RunSnapshot, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownRunEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (run_id, offer_id, offer_version, provider_id, start_date, end_date, enrolment_deadline,
                           capacity, price_cents, status, source_version, source_revision, session_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'scheduled', $10, $11, $12)
     ON CONFLICT (run_id) DO UPDATE SET
       offer_id = EXCLUDED.offer_id, offer_version = EXCLUDED.offer_version, provider_id = EXCLUDED.provider_id,
       start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, enrolment_deadline = EXCLUDED.enrolment_deadline,
       capacity = EXCLUDED.capacity, price_cents = EXCLUDED.price_cents, source_version = EXCLUDED.source_version,
       source_revision = ${revisionAfter(table, 'EXCLUDED.source_revision')}, session_count = EXCLUDED.session_count
     WHERE ${table}.status <> 'cancelled' AND ${isNewerThanCopy(table, 'EXCLUDED.source_revision', 'EXCLUDED.source_version')}`,
    [
      run.runId,
      run.offerId,
      run.offerVersion,
      run.providerId,
      run.startDate,
      run.endDate,
      run.enrolmentDeadline ? timestampDate(run.enrolmentDeadline) : null,
      run.capacity,
      run.priceCents.toString(),
      new Date(envelope.occurredAt),
      revision.toString(),
      run.sessionCount,
    ],
  );
}
