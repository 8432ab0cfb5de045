import type { HandlerContext } from '@napl/messaging';
import { AssessmentDecisionFactEntity } from '../infrastructure/assessment-decision-fact.entity';
import { MarkEndFactEntity } from '../infrastructure/mark-end-fact.entity';

/** Quality decided an assessment; a case is decided once, so a second copy changes nothing. */
export async function recordDecision(
  decision: { assessmentId: string; offerId: string; offerVersion: number; approved: boolean; decidedAt: Date },
  { manager }: HandlerContext,
): Promise<void> {
  const table = manager.connection.getMetadata(AssessmentDecisionFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (assessment_id, offer_id, offer_version, approved, decided_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [decision.assessmentId, decision.offerId, decision.offerVersion, decision.approved, decision.decidedAt],
  );
}

/** A mark expired or was revoked; the earliest moment counts if one comes twice. */
export async function recordMarkEnd(end: { markId: string; offerId: string; kind: 'expired' | 'revoked'; endedAt: Date }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(MarkEndFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS m (mark_id, kind, offer_id, ended_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (mark_id, kind) DO UPDATE SET ended_at = LEAST(m.ended_at, EXCLUDED.ended_at)`,
    [end.markId, end.kind, end.offerId, end.endedAt],
  );
}
