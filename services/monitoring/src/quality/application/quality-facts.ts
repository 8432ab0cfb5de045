import type { HandlerContext } from '@napl/messaging';
import { column, writeFacts, type FactTable } from '../../database/fact-upsert';
import { AssessmentDecisionFactEntity } from '../infrastructure/assessment-decision-fact.entity';
import { MarkEndFactEntity } from '../infrastructure/mark-end-fact.entity';

interface Decision {
  readonly assessmentId: string;
  readonly offerId: string;
  readonly offerVersion: number;
  readonly approved: boolean;
  readonly decidedAt: Date;
}

/** Quality decided an assessment; a case is decided once, so a second copy changes nothing. */
const DECISIONS: FactTable<Decision> = {
  entity: AssessmentDecisionFactEntity,
  columns: [
    column('assessment_id', 'text', (d) => d.assessmentId),
    column('offer_id', 'text', (d) => d.offerId),
    column('offer_version', 'integer', (d) => d.offerVersion),
    column('approved', 'boolean', (d) => d.approved),
    column('decided_at', 'timestamptz', (d) => d.decidedAt),
  ],
  key: (d) => d.assessmentId,
  onConflict: 'ON CONFLICT DO NOTHING',
};

export async function recordDecision(decision: Decision, context: HandlerContext): Promise<void> {
  await writeFacts(context, DECISIONS, [decision]);
}

interface MarkEnd {
  readonly markId: string;
  readonly offerId: string;
  readonly kind: 'expired' | 'revoked';
  readonly endedAt: Date;
}

/** A mark expired or was revoked; the earliest moment counts if one comes twice. */
const MARK_ENDS: FactTable<MarkEnd> = {
  entity: MarkEndFactEntity,
  columns: [
    column('mark_id', 'text', (m) => m.markId),
    column('kind', 'text', (m) => m.kind),
    column('offer_id', 'text', (m) => m.offerId),
    column('ended_at', 'timestamptz', (m) => m.endedAt),
  ],
  key: (m) => `${m.markId}|${m.kind}`,
  onConflict: 'ON CONFLICT (mark_id, kind) DO UPDATE SET ended_at = LEAST(t.ended_at, EXCLUDED.ended_at)',
};

export async function recordMarkEnd(end: MarkEnd, context: HandlerContext): Promise<void> {
  await writeFacts(context, MARK_ENDS, [end]);
}
