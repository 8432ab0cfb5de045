import { decideEligibility, REASON_TEXT, type EligibilityReason, type EnrolmentFacts } from '../../eligibility/domain/eligibility';
import type { RuleVersion } from '../../rules/domain/reimbursement-rule';
import type { Cents } from '../../shared/domain/money';
import { ClaimError } from './claim.errors';

/**
 * A claim of a region: built from eligible enrolments, submitted, then decided by the ministry: approved, partly
 * approved (per line, with reasons) or rejected. A decision changes only by an amendment that carries a note.
 */
export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'partly-approved' | 'rejected';
export type LineDecision = 'approved' | 'rejected';

/** The claim's status from its lines' decisions. */
export function claimStatusFromLines(decisions: readonly LineDecision[]): Exclude<ClaimStatus, 'draft' | 'submitted'> {
  const approved = decisions.filter((decision) => decision === 'approved').length;
  if (approved === decisions.length && approved > 0) return 'approved';
  if (approved === 0) return 'rejected';
  return 'partly-approved';
}

/** A decided claim is changed only by an amendment with a note of at least a few words. */
export function isValidAmendmentNote(note: string | undefined): boolean {
  return typeof note === 'string' && note.trim().length >= 10;
}

export type LineState = 'draft' | 'submitted' | 'approved' | 'rejected';

/** What a line is checked on: the enrolment's judgement (eligibility/application/enrolment-judgements.ts). */
export interface JudgedEnrolment {
  readonly teacherId: string;
  readonly offerId: string;
  readonly regionId: string | null;
  readonly schoolYear: string | null;
  readonly budgetYear: number | null;
  readonly rule: RuleVersion | null;
  readonly facts: EnrolmentFacts;
}

export interface LineToCheck {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly judgement: JudgedEnrolment | null;
}

export interface AcceptedLine {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly amountCents: Cents;
  readonly budgetYear: number;
  readonly ruleVersion: number;
}

/** `NOT_IN_REGION`: unknown, or of a school outside the claim's region (the same answer, so nothing leaks). */
export type RefusalReason = EligibilityReason | 'NOT_IN_REGION';

export interface LineRefusal {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly reason: RefusalReason;
  readonly message: string;
}

export const NOT_IN_REGION_TEXT = 'Deze inschrijving is onbekend of hoort bij een school buiten uw regio.';

function refusal(line: Pick<LineToCheck, 'lineNo' | 'enrolmentId'>, reason: RefusalReason): LineRefusal {
  const text = reason === 'NOT_IN_REGION' ? NOT_IN_REGION_TEXT : REASON_TEXT[reason];
  return { lineNo: line.lineNo, enrolmentId: line.enrolmentId, reason, message: `Regel ${line.lineNo} (inschrijving ${line.enrolmentId}): ${text}` };
}

/** A claim is for one region's schools only: a line of an unknown enrolment, or of another region's school, is not. */
function isInRegion(line: LineToCheck, regionId: string): line is LineToCheck & { judgement: JudgedEnrolment } {
  return line.judgement !== null && line.judgement.regionId === regionId;
}

/** Lines of enrolments that are unknown or belong to another region. */
export function linesOutsideRegion(regionId: string, lines: readonly LineToCheck[]): LineRefusal[] {
  return lines.filter((line) => !isInRegion(line, regionId)).map((line) => refusal(line, 'NOT_IN_REGION'));
}

/**
 * Checks a claim's lines in line order, as one claim: each accepted line counts toward its teacher's caps and the
 * year's budget before the next line is judged, so two lines of one teacher never pass the caps together and the lines
 * of one claim never add up to more than the budget left. `budgetLeft` is what each year had before this claim.
 */
export function checkClaimLines(
  regionId: string,
  lines: readonly LineToCheck[],
  budgetLeft: ReadonlyMap<number, Cents | null>,
): { accepted: AcceptedLine[]; refused: LineRefusal[] } {
  const left = new Map(budgetLeft);
  const heldForOffer = new Map<string, Cents>();
  const heldInSchoolYear = new Map<string, Cents>();
  const accepted: AcceptedLine[] = [];
  const refused: LineRefusal[] = [];
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    if (!isInRegion(line, regionId)) {
      refused.push(refusal(line, 'NOT_IN_REGION'));
      continue;
    }
    const judgement = line.judgement;
    const offerKey = `${judgement.teacherId}/${judgement.offerId}`;
    const yearKey = `${judgement.teacherId}/${judgement.schoolYear}`;
    const facts: EnrolmentFacts = {
      ...judgement.facts,
      reimbursedForOfferCents: judgement.facts.reimbursedForOfferCents + (heldForOffer.get(offerKey) ?? 0),
      reimbursedInSchoolYearCents: judgement.facts.reimbursedInSchoolYearCents + (heldInSchoolYear.get(yearKey) ?? 0),
      budgetLeftCents: judgement.budgetYear === null ? null : (left.get(judgement.budgetYear) ?? null),
    };
    const outcome = decideEligibility(judgement.rule, facts);
    if (!outcome.eligible || outcome.amountCents <= 0 || judgement.budgetYear === null || !judgement.rule) {
      refused.push(refusal(line, outcome.eligible ? 'CAP_REACHED' : outcome.reason));
      continue;
    }
    accepted.push({ lineNo: line.lineNo, enrolmentId: line.enrolmentId, amountCents: outcome.amountCents, budgetYear: judgement.budgetYear, ruleVersion: judgement.rule.version });
    left.set(judgement.budgetYear, facts.budgetLeftCents! - outcome.amountCents);
    heldForOffer.set(offerKey, (heldForOffer.get(offerKey) ?? 0) + outcome.amountCents);
    heldInSchoolYear.set(yearKey, (heldInSchoolYear.get(yearKey) ?? 0) + outcome.amountCents);
  }
  return { accepted, refused };
}

/** Amounts per budget year, in year order: what the events carry. */
export function amountsPerYear(lines: readonly { budgetYear: number; amountCents: Cents }[]): { year: number; amountCents: Cents }[] {
  const sums = new Map<number, Cents>();
  for (const line of lines) sums.set(line.budgetYear, (sums.get(line.budgetYear) ?? 0) + line.amountCents);
  return [...sums].sort(([a], [b]) => a - b).map(([year, amountCents]) => ({ year, amountCents }));
}

export interface LineDecisionInput {
  readonly lineNo: number;
  readonly decision: LineDecision;
  readonly reason?: string | null;
}

/** A decision's request: one decision for every line, or one per line. */
export type DecisionInput = { readonly decision: LineDecision; readonly reason?: string | null } | { readonly lines: readonly LineDecisionInput[] };

export interface PlannedDecision {
  readonly lineNo: number;
  readonly decision: LineDecision;
  readonly reason: string | null;
}

const hasText = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim().length > 0;

/**
 * The ministry's decision on every line still submitted. Lines that stopped counting before the decision (rejected
 * already) are not decided again. A rejected line needs a reason; a per-line decision names each submitted line once.
 */
export function planDecision(lines: readonly { lineNo: number; state: LineState }[], input: DecisionInput): PlannedDecision[] {
  const open = lines.filter((line) => line.state === 'submitted').map((line) => line.lineNo);
  if ('decision' in input) {
    if (input.decision === 'rejected' && !hasText(input.reason)) throw invalidDecision('Geef een reden bij het afwijzen van de declaratie.');
    return open.map((lineNo) => ({ lineNo, decision: input.decision, reason: hasText(input.reason) ? input.reason.trim() : null }));
  }
  const byLine = new Map<number, LineDecisionInput>();
  for (const line of input.lines) {
    if (byLine.has(line.lineNo)) throw invalidDecision(`Regel ${line.lineNo} staat twee keer in het besluit.`);
    byLine.set(line.lineNo, line);
  }
  const unknown = [...byLine.keys()].filter((lineNo) => !open.includes(lineNo));
  if (unknown.length > 0) throw invalidDecision(`Regel(s) ${unknown.join(', ')} staan niet (meer) ter beoordeling in deze declaratie.`, { lines: unknown });
  const missing = open.filter((lineNo) => !byLine.has(lineNo));
  if (missing.length > 0) throw invalidDecision(`Besluit over elke regel; er ontbreken: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}.`, { lines: missing });
  const withoutReason = input.lines.filter((line) => line.decision === 'rejected' && !hasText(line.reason)).map((line) => line.lineNo);
  if (withoutReason.length > 0) throw invalidDecision(`Geef een reden bij elke afgewezen regel; die ontbreekt bij: ${withoutReason.join(', ')}.`, { lines: withoutReason });
  return open.map((lineNo) => {
    const line = byLine.get(lineNo)!;
    return { lineNo, decision: line.decision, reason: hasText(line.reason) ? line.reason.trim() : null };
  });
}

/**
 * An amendment changes the decision of decided lines, each to the other decision (approved ↔ rejected); a line newly
 * rejected needs a reason, and the amendment as a whole a note.
 */
export function planAmendment(lines: readonly { lineNo: number; state: LineState }[], changes: readonly LineDecisionInput[]): (PlannedDecision & { from: LineDecision })[] {
  if (changes.length === 0) throw invalidDecision('Een wijziging noemt ten minste één regel.');
  const seen = new Set<number>();
  return changes.map((change) => {
    if (seen.has(change.lineNo)) throw invalidDecision(`Regel ${change.lineNo} staat twee keer in de wijziging.`);
    seen.add(change.lineNo);
    const line = lines.find((candidate) => candidate.lineNo === change.lineNo);
    if (!line) throw invalidDecision(`Regel ${change.lineNo} bestaat niet in deze declaratie.`, { lines: [change.lineNo] });
    if (line.state !== 'approved' && line.state !== 'rejected') throw invalidDecision(`Over regel ${change.lineNo} is nog niet besloten.`, { lines: [change.lineNo] });
    if (line.state === change.decision) throw invalidDecision(`Regel ${change.lineNo} is al ${change.decision === 'approved' ? 'goedgekeurd' : 'afgewezen'}.`, { lines: [change.lineNo] });
    if (change.decision === 'rejected' && !hasText(change.reason)) throw invalidDecision(`Geef een reden bij het afwijzen van regel ${change.lineNo}.`, { lines: [change.lineNo] });
    return { lineNo: change.lineNo, from: line.state, decision: change.decision, reason: hasText(change.reason) ? change.reason.trim() : null };
  });
}

function invalidDecision(message: string, details?: Record<string, unknown>): ClaimError {
  return new ClaimError('INVALID_DECISION', 'unprocessable', message, details);
}
