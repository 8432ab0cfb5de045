import type { MessageShape } from '@bufbuild/protobuf';
import type { RunSnapshotSchema } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { isNewerThanCopy, revisionAfter } from '@napl/persistence';
import { KnownRunEntity } from '../infrastructure/known-run.entity';

/** A run's number of sessions; a late older event never overwrites a newer one (the catalogue's revision order). */
export async function recordRun(run: MessageShape<typeof RunSnapshotSchema>, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownRunEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (run_id, offer_id, session_count, source_version, source_revision) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (run_id) DO UPDATE SET offer_id = EXCLUDED.offer_id, session_count = EXCLUDED.session_count,
       source_version = EXCLUDED.source_version, source_revision = ${revisionAfter(table, 'EXCLUDED.source_revision')}
     WHERE ${isNewerThanCopy(table, 'EXCLUDED.source_revision', 'EXCLUDED.source_version')}`,
    [run.runId, run.offerId, run.sessionCount, new Date(envelope.occurredAt), revision.toString()],
  );
}
