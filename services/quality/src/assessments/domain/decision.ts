import type { Criterion } from '../../framework/domain/framework';

export type Outcome = 'approved' | 'approved-with-conditions' | 'rejected';
export const OUTCOMES: readonly Outcome[] = ['approved', 'approved-with-conditions', 'rejected'];

export type AssessmentStatus = 'open' | 'awaiting-confirmation' | Outcome;

export interface CriterionScore {
  readonly criterionCode: string;
  readonly met: boolean;
  /** 1-5 for a weighed criterion, when the assessor gives one. */
  readonly score: number | null;
  readonly justification: string;
}

export interface ProposedDecision {
  readonly outcome: Outcome;
  readonly summary: string;
  readonly conditions: readonly string[];
  /** ISO date (YYYY-MM-DD) by which the conditions must be met. */
  readonly conditionsDeadline: string | null;
}

export interface DecisionRefusal {
  readonly code: 'SCORES_INCOMPLETE' | 'REQUIRED_CRITERIA_NOT_MET' | 'DECISION_INVALID';
  readonly message: string;
  readonly criteria?: readonly string[];
}

/**
 * Whether a decision may be taken on these scores. Every criterion of the framework must be scored; approval
 * (with or without conditions) needs every required criterion met; conditions come with a future deadline.
 * `today` is the ISO date in Europe/Amsterdam.
 */
export function refuseDecision(
  criteria: readonly Criterion[],
  scores: readonly CriterionScore[],
  decision: ProposedDecision,
  today: string,
): DecisionRefusal | null {
  const scored = new Map(scores.map((score) => [score.criterionCode, score]));
  const unscored = criteria.filter((criterion) => !scored.has(criterion.code)).map((criterion) => criterion.code);
  if (unscored.length > 0) {
    return { code: 'SCORES_INCOMPLETE', message: `Nog niet alle criteria zijn beoordeeld: ${unscored.join(', ')}.`, criteria: unscored };
  }
  // The shape of the decision first, for every outcome: a rejection must not carry conditions or a deadline either
  // (they would be stored, and an impossible date breaks the four-eyes confirmation later).
  const conditional = decision.outcome === 'approved-with-conditions';
  if (!conditional && (decision.conditions.length > 0 || decision.conditionsDeadline)) {
    return { code: 'DECISION_INVALID', message: 'Voorwaarden en een termijn horen alleen bij een goedkeuring onder voorwaarden.' };
  }
  if (decision.conditionsDeadline !== null && !isIsoDate(decision.conditionsDeadline)) {
    return { code: 'DECISION_INVALID', message: 'De termijn is geen bestaande datum (JJJJ-MM-DD).' };
  }
  if (decision.outcome === 'rejected') {
    return decision.summary.trim() ? null : { code: 'DECISION_INVALID', message: 'Een afwijzing heeft een toelichting nodig.' };
  }
  const unmet = criteria.filter((criterion) => criterion.required && !scored.get(criterion.code)!.met).map((criterion) => criterion.code);
  if (unmet.length > 0) {
    return {
      code: 'REQUIRED_CRITERIA_NOT_MET',
      message: `Goedkeuren kan alleen als aan alle verplichte criteria is voldaan; niet voldaan: ${unmet.join(', ')}.`,
      criteria: unmet,
    };
  }
  if (conditional) {
    if (decision.conditions.filter((condition) => condition.trim()).length === 0) {
      return { code: 'DECISION_INVALID', message: 'Een goedkeuring onder voorwaarden noemt minstens één voorwaarde.' };
    }
    if (!decision.conditionsDeadline || decision.conditionsDeadline <= today) {
      return { code: 'DECISION_INVALID', message: 'Een goedkeuring onder voorwaarden heeft een geldige termijn in de toekomst (JJJJ-MM-DD).' };
    }
  }
  return null;
}

/** The per-criterion reasons of a rejection: the criteria not met, with the assessor's justification. */
export function rejectionReasons(criteria: readonly Criterion[], scores: readonly CriterionScore[]): { criterionCode: string; reason: string }[] {
  const scored = new Map(scores.map((score) => [score.criterionCode, score]));
  return criteria
    .filter((criterion) => scored.get(criterion.code) && !scored.get(criterion.code)!.met)
    .map((criterion) => ({ criterionCode: criterion.code, reason: scored.get(criterion.code)!.justification }));
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

