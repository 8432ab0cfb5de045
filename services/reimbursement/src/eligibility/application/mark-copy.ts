import type { HandlerContext } from '@napl/messaging';
import { KnownMarkEntity } from '../infrastructure/known-mark.entity';

/** A mark granted with an offer's approval. An end that arrived first (ended_at set) is kept. */
export async function recordMark(mark: { markId: string; offerId: string; offerVersion: number; grantedAt: Date; validUntil: Date }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownMarkEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (mark_id, offer_id, offer_version, granted_at, valid_until) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (mark_id) DO UPDATE SET offer_id = EXCLUDED.offer_id, offer_version = EXCLUDED.offer_version, granted_at = EXCLUDED.granted_at,
       valid_until = EXCLUDED.valid_until`,
    [mark.markId, mark.offerId, mark.offerVersion, mark.grantedAt, mark.validUntil],
  );
}

/**
 * A mark expired or was revoked: the earliest end counts. The end of a mark whose grant has not arrived yet is kept
 * without a grant (so it does not count) until the approval fills it in.
 */
export async function endMark(mark: { markId: string; offerId: string; offerVersion: number; endedAt: Date }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownMarkEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (mark_id, offer_id, offer_version, valid_until, ended_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (mark_id) DO UPDATE SET ended_at = LEAST(COALESCE(${table}.ended_at, EXCLUDED.ended_at), EXCLUDED.ended_at)`,
    [mark.markId, mark.offerId, mark.offerVersion, mark.endedAt],
  );
}
