import { percentageOf, type Cents } from '../../shared/domain/money';
import type { CostType, RuleVersion } from '../../rules/domain/reimbursement-rule';

/**
 * Every enrolment gets an outcome with a reason code, stored and shown, and decided again when its facts change.
 * The order of the checks is the order a region's user asks in: can this count at all, has it been paid, and how much.
 */
export const ELIGIBILITY_REASONS = [
  'ELIGIBLE',
  'NO_RULE_IN_FORCE',
  'OFFER_NOT_APPROVED',
  'SCHOOL_OUTSIDE_REGION',
  'ALREADY_REIMBURSED',
  'PARTICIPATION_NOT_ENOUGH',
  'CAP_REACHED',
  'BUDGET_EXHAUSTED',
  'NEEDS_REVIEW',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

/** Dutch explanations, shown beside the code. */
export const REASON_TEXT: Record<EligibilityReason, string> = {
  ELIGIBLE: 'Komt in aanmerking voor vergoeding.',
  NO_RULE_IN_FORCE: 'Op de inschrijfdatum gold nog geen vergoedingsregeling.',
  OFFER_NOT_APPROVED: 'Het aanbod had op de inschrijfdatum geen geldig kwaliteitskeurmerk.',
  SCHOOL_OUTSIDE_REGION: 'De school hoort bij geen onderwijsregio.',
  ALREADY_REIMBURSED: 'Deze inschrijving is al vergoed of staat al in een declaratie.',
  PARTICIPATION_NOT_ENOUGH: 'De deelname telt (nog) niet: niet begonnen, of niet afgerond met genoeg aanwezigheid.',
  CAP_REACHED: 'Het maximum per deelnemer (per aanbod of per schooljaar) is bereikt.',
  BUDGET_EXHAUSTED: 'Het budget van de regio voor dit jaar is op.',
  NEEDS_REVIEW: 'Het bedrag vraagt een beoordeling door het ministerie.',
};

export interface EnrolmentFacts {
  readonly offerHeldValidMarkOnEnrolmentDate: boolean;
  readonly regionId: string | null;
  /** Already paid, or on a submitted claim. */
  readonly alreadyClaimed: boolean;
  readonly started: boolean;
  readonly completed: boolean;
  /** Sessions attended as a share of the run's sessions, 0..100; null when not known. */
  readonly attendancePercent: number | null;
  /** The participation's costs by type, in cents. */
  readonly costs: Readonly<Partial<Record<CostType, Cents>>>;
  /** Already reimbursed (or committed) to this participant for this offer, and in the enrolment's school year. */
  readonly reimbursedForOfferCents: Cents;
  readonly reimbursedInSchoolYearCents: Cents;
  /** The region's budget left for the enrolment's year; null when the region has no budget for that year. */
  readonly budgetLeftCents: Cents | null;
  /** The ministry decided a review: its decision stands. */
  readonly reviewDecision?: 'approved' | 'rejected';
}

export interface EligibilityOutcome {
  readonly reason: EligibilityReason;
  readonly eligible: boolean;
  /** What would be paid: the counted costs times the percentage, within the caps; 0 unless eligible or in review. */
  readonly amountCents: Cents;
}

export function decideEligibility(rule: RuleVersion | null, facts: EnrolmentFacts): EligibilityOutcome {
  const no = (reason: EligibilityReason): EligibilityOutcome => ({ reason, eligible: false, amountCents: 0 });
  if (!rule) return no('NO_RULE_IN_FORCE');
  if (!facts.offerHeldValidMarkOnEnrolmentDate) return no('OFFER_NOT_APPROVED');
  if (!facts.regionId) return no('SCHOOL_OUTSIDE_REGION');
  if (facts.alreadyClaimed) return no('ALREADY_REIMBURSED');
  if (!participationCounts(rule, facts)) return no('PARTICIPATION_NOT_ENOUGH');
  const amount = amountWithinCaps(rule, facts);
  if (amount === 0) return no('CAP_REACHED');
  if (facts.reviewDecision === 'rejected') return no('NEEDS_REVIEW');
  if (rule.reviewAboveCents !== null && amount > rule.reviewAboveCents && facts.reviewDecision !== 'approved') {
    return { reason: 'NEEDS_REVIEW', eligible: false, amountCents: amount };
  }
  if (facts.budgetLeftCents === null || facts.budgetLeftCents < amount) return { reason: 'BUDGET_EXHAUSTED', eligible: false, amountCents: amount };
  return { reason: 'ELIGIBLE', eligible: true, amountCents: amount };
}

/**
 * For an enrolment already on a claim: whether it still counts. Only what the participation itself turned out to be
 * can undo a claim: the enrolment was cancelled or not completed as the rule asks, or the offer's mark turned out not
 * to hold on the enrolment date (a revocation dated back). The rule, the region and the caps were settled when it was
 * claimed; a school that later moves region, or a budget that runs out, takes nothing back. The reason it stopped
 * counting, or null while it still counts.
 */
export function reasonClaimNoLongerCounts(rule: RuleVersion | null, facts: EnrolmentFacts): EligibilityReason | null {
  if (!facts.offerHeldValidMarkOnEnrolmentDate) return 'OFFER_NOT_APPROVED';
  if (rule && !participationCounts(rule, facts)) return 'PARTICIPATION_NOT_ENOUGH';
  return null;
}

export function participationCounts(rule: RuleVersion, facts: Pick<EnrolmentFacts, 'started' | 'completed' | 'attendancePercent'>): boolean {
  if (rule.participation.kind === 'started') return facts.started || facts.completed;
  return facts.completed && (facts.attendancePercent ?? 0) >= rule.participation.minimumAttendancePercent;
}

/** The counted costs times the percentage, then whatever room the caps per offer and per school year leave. */
export function amountWithinCaps(rule: RuleVersion, facts: Pick<EnrolmentFacts, 'costs' | 'reimbursedForOfferCents' | 'reimbursedInSchoolYearCents'>): Cents {
  const counted = rule.costTypes.reduce((sum, type) => sum + (facts.costs[type] ?? 0), 0);
  const asked = percentageOf(counted, rule.percentageBasisPoints);
  const roomForOffer = Math.max(0, rule.maxPerParticipantPerOfferCents - facts.reimbursedForOfferCents);
  const roomInYear = Math.max(0, rule.maxPerParticipantPerSchoolYearCents - facts.reimbursedInSchoolYearCents);
  return Math.min(asked, roomForOffer, roomInYear);
}
