import type { Cents } from '../../shared/domain/money';

/**
 * The reimbursement rules as versioned data, because the subsidy regulation is still being written: the ministry
 * publishes a version with the date from which it applies, and an enrolment is judged by the version in force on its
 * enrolment date. A version in use is never edited; a change is a new version.
 */

/** What costs of taking part count (DOMAIN.md, reference schemes: Lerarenbeurs, STAP). */
export const COST_TYPES = ['tuition', 'materials', 'study-leave', 'substitute-cover'] as const;
export type CostType = (typeof COST_TYPES)[number];

/** Which participation counts: having started, or having completed with at least a share of the sessions attended. */
export type ParticipationRule = { readonly kind: 'started' } | { readonly kind: 'completed'; readonly minimumAttendancePercent: number };

export interface RuleVersion {
  readonly version: number;
  /** Applies to enrolments on or after this date (YYYY-MM-DD), until the next version's date. */
  readonly validFrom: string;
  readonly costTypes: readonly CostType[];
  /** The share of the counted costs paid, in basis points (6250 = 62.5 %). */
  readonly percentageBasisPoints: number;
  readonly maxPerParticipantPerOfferCents: Cents;
  readonly maxPerParticipantPerSchoolYearCents: Cents;
  readonly participation: ParticipationRule;
  /** An amount above this goes to the ministry's review queue instead of being decided here; null: never. */
  readonly reviewAboveCents: Cents | null;
}

export type RuleStatus = 'draft' | 'published';

/**
 * The version in force on a date: the published version with the latest start on or before it. Two versions with the
 * same start cannot both be published (the database refuses it), so the choice is never ambiguous.
 */
export function ruleInForce<R extends Pick<RuleVersion, 'validFrom' | 'version'>>(published: readonly R[], date: string): R | null {
  let chosen: R | null = null;
  for (const rule of published) {
    if (rule.validFrom <= date && (!chosen || rule.validFrom > chosen.validFrom)) chosen = rule;
  }
  return chosen;
}

/** What DTO validation cannot see: caps that fit together, a percentage and attendance within range. Collects all. */
export function problemsOf(rule: Omit<RuleVersion, 'version'>): string[] {
  const problems: string[] = [];
  if (rule.costTypes.length === 0) problems.push('Noem ten minste één soort kosten die meetelt.');
  if (new Set(rule.costTypes).size !== rule.costTypes.length) problems.push('Een soort kosten staat er dubbel in.');
  if (!Number.isInteger(rule.percentageBasisPoints) || rule.percentageBasisPoints < 1 || rule.percentageBasisPoints > 10_000) {
    problems.push('Het percentage ligt tussen 0,01 % en 100 % (1 tot 10.000 basispunten).');
  }
  for (const [name, value] of [
    ['maximum per deelnemer per aanbod', rule.maxPerParticipantPerOfferCents],
    ['maximum per deelnemer per schooljaar', rule.maxPerParticipantPerSchoolYearCents],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) problems.push(`Het ${name} is een positief bedrag in hele centen.`);
  }
  if (rule.maxPerParticipantPerOfferCents > rule.maxPerParticipantPerSchoolYearCents) {
    problems.push('Het maximum per aanbod is niet hoger dan het maximum per schooljaar.');
  }
  if (rule.participation.kind === 'completed') {
    const { minimumAttendancePercent } = rule.participation;
    if (!Number.isInteger(minimumAttendancePercent) || minimumAttendancePercent < 0 || minimumAttendancePercent > 100) {
      problems.push('De minimale aanwezigheid is een percentage van 0 tot 100.');
    }
  }
  if (rule.reviewAboveCents !== null && (!Number.isSafeInteger(rule.reviewAboveCents) || rule.reviewAboveCents < 0)) {
    problems.push('De grens voor beoordeling is een bedrag in hele centen.');
  }
  return problems;
}
