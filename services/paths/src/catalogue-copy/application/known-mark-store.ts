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

/**
 * SQL: the offer (`offerId`, an SQL expression) held a valid quality mark at `at` (an SQL expression): the rule of
 * domain/mark-validity.ts, for the queries that count completions and suggest offers.
 */
export function validMarkExists(marksTable: string, offerId: string, at: string): string {
  return `EXISTS (SELECT FROM ${marksTable} m WHERE m.offer_id = ${offerId} AND ${at} < m.valid_until AND (m.ended_at IS NULL OR ${at} < m.ended_at))`;
}
