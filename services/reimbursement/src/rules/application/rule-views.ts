import { problemsOf, type CostType, type ParticipationRule, type RuleVersion } from '../domain/reimbursement-rule';
import type { RuleVersionEntity } from '../infrastructure/rule-version.entity';
import { ruleOf } from '../infrastructure/rule-version.mapper';

/** What a rule version says, without its number: what the ministry writes in a draft. */
export type RuleContent = Omit<RuleVersion, 'version'>;

export interface RuleVersionView {
  readonly version: number;
  readonly status: string;
  readonly validFrom: string;
  readonly costTypes: CostType[];
  readonly percentageBasisPoints: number;
  readonly maxPerParticipantPerOfferCents: number;
  readonly maxPerParticipantPerSchoolYearCents: number;
  readonly participation: ParticipationRule;
  readonly reviewAboveCents: number | null;
  readonly note: string;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  /** For a draft: what still stands in the way of publishing it (problemsOf); empty when it may be published. */
  readonly problems: string[];
}

export function ruleViewOf(row: RuleVersionEntity): RuleVersionView {
  const rule = ruleOf(row);
  return {
    version: row.version,
    status: row.status,
    validFrom: row.validFrom,
    costTypes: [...rule.costTypes],
    percentageBasisPoints: rule.percentageBasisPoints,
    maxPerParticipantPerOfferCents: rule.maxPerParticipantPerOfferCents,
    maxPerParticipantPerSchoolYearCents: rule.maxPerParticipantPerSchoolYearCents,
    participation: rule.participation,
    reviewAboveCents: rule.reviewAboveCents,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    problems: row.status === 'draft' ? problemsOf(rule) : [],
  };
}

/** The columns of a rule's content. */
export function columnsOf(content: RuleContent, note: string): Partial<RuleVersionEntity> {
  return {
    validFrom: content.validFrom,
    costTypes: [...content.costTypes],
    percentageBasisPoints: content.percentageBasisPoints,
    maxPerParticipantPerOfferCents: content.maxPerParticipantPerOfferCents,
    maxPerParticipantPerSchoolYearCents: content.maxPerParticipantPerSchoolYearCents,
    participationKind: content.participation.kind,
    minimumAttendancePercent: content.participation.kind === 'completed' ? content.participation.minimumAttendancePercent : null,
    reviewAboveCents: content.reviewAboveCents,
    note,
  };
}
