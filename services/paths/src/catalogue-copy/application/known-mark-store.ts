import type { HandlerContext } from '@napl/messaging';
import { KnownMarkEntity } from '../infrastructure/known-mark.entity';

/** A mark granted with an offer's approval. An end that arrived first (ended_at set) is kept. */
export async function recordMark(
  mark: { markId: string; offerId: string; offerVersion: number; validUntil: Date },
  { manager }: HandlerContext,
): Promise<void> {
  const table = manager.connection.getMetadata(KnownMarkEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (mark_id, offer_id, offer_version, valid_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (mark_id) DO UPDATE SET offer_id = EXCLUDED.offer_id, offer_version = EXCLUDED.offer_version, valid_until = EXCLUDED.valid_until`,
    [mark.markId, mark.offerId, mark.offerVersion, mark.validUntil],
  );
}

/**
 * A mark expired or was revoked. The earliest end counts; an end of a mark whose approval has not arrived yet is kept
 * with a validity that is already over, until the approval fills in the rest.
 */
export async function endMark(mark: { markId: string; offerId: string; offerVersion: number; endedAt: Date }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownMarkEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (mark_id, offer_id, offer_version, valid_until, ended_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (mark_id) DO UPDATE SET ended_at = LEAST(COALESCE(${table}.ended_at, EXCLUDED.ended_at), EXCLUDED.ended_at)`,
    [mark.markId, mark.offerId, mark.offerVersion, mark.endedAt],
  );
}

/** Whether the offer held a valid quality mark at `at` (the rule of domain/mark-validity.ts, in SQL). */
export async function offerHeldValidMark(offerId: string, at: Date, { manager }: Pick<HandlerContext, 'manager'>): Promise<boolean> {
  const table = manager.connection.getMetadata(KnownMarkEntity).tablePath;
  const [row] = await manager.query(
    `SELECT EXISTS (SELECT FROM ${table} WHERE offer_id = $1 AND $2 < valid_until AND (ended_at IS NULL OR $2 < ended_at)) AS valid`,
    [offerId, at],
  );
  return row.valid;
}
