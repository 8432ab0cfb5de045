import type { FormValues } from '../../http/form';
import type { FieldError } from '../../ui/components';
import type { Criterion, CriterionScore, Outcome } from './quality-api';

/** The form's field names of one criterion (the code keeps them unique on the page). */
export const scoreFields = (code: string) => ({ met: `met-${code}`, score: `score-${code}`, justification: `onderbouwing-${code}` });

export interface ScoreInput {
  readonly criterionCode: string;
  readonly met: boolean;
  readonly score?: number;
  readonly justification: string;
}

/** The form's values as they were saved: what the scores form shows before the assessor changes anything. */
export function valuesOfScores(scores: readonly CriterionScore[]): FormValues {
  const values: FormValues = {};
  for (const score of scores) {
    const fields = scoreFields(score.criterionCode);
    values[fields.met] = score.met ? 'ja' : 'nee';
    if (score.score !== null) values[fields.score] = String(score.score);
    values[fields.justification] = score.justification;
  }
  return values;
}

/** Every criterion needs "met or not" and a justification; a score, when given, is a whole number from 1 to 5. */
export function readScores(criteria: readonly Criterion[], values: FormValues): { scores: ScoreInput[]; errors: FieldError[] } {
  const scores: ScoreInput[] = [];
  const errors: FieldError[] = [];
  for (const criterion of criteria) {
    const fields = scoreFields(criterion.code);
    const met = values[fields.met];
    const score = values[fields.score] ?? '';
    const justification = values[fields.justification] ?? '';
    const before = errors.length;
    if (met !== 'ja' && met !== 'nee') errors.push({ field: fields.met, message: `Geef aan of aan ${criterion.code} is voldaan` });
    if (score !== '' && !/^[1-5]$/.test(score)) errors.push({ field: fields.score, message: `Kies bij ${criterion.code} een score van 1 tot en met 5` });
    if (!justification) errors.push({ field: fields.justification, message: `Geef een onderbouwing bij ${criterion.code}` });
    else if (justification.length > 4000) errors.push({ field: fields.justification, message: `De onderbouwing bij ${criterion.code} is te lang (meer dan 4000 tekens)` });
    if (errors.length === before) {
      scores.push({ criterionCode: criterion.code, met: met === 'ja', ...(score ? { score: Number(score) } : {}), justification });
    }
  }
  return { scores, errors };
}

export interface DecisionInput {
  readonly outcome: Outcome;
  readonly summary: string;
  readonly conditions: string[];
  readonly conditionsDeadline?: string;
}

const OUTCOMES: readonly string[] = ['approved', 'approved-with-conditions', 'rejected'];

/**
 * The decision form: an outcome and a summary; conditions (one per line) and a deadline after `today` only with an
 * approval with conditions. Dates as JJJJ-MM-DD (the date field) or DD-MM-JJJJ (typed).
 */
export function readDecision(values: FormValues, today: string): { decision?: DecisionInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const outcome = values.outcome ?? '';
  const summary = values.summary ?? '';
  const conditions = (values.conditions ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const deadlineText = values.conditionsDeadline ?? '';
  const deadline = deadlineText ? isoDateOf(deadlineText) : undefined;
  if (!OUTCOMES.includes(outcome)) errors.push({ field: 'outcome', message: 'Kies een beslissing' });
  if (!summary) errors.push({ field: 'summary', message: 'Geef een toelichting op de beslissing' });
  if (outcome === 'approved-with-conditions') {
    if (conditions.length === 0) errors.push({ field: 'conditions', message: 'Noem minstens één voorwaarde' });
    if (!deadlineText) errors.push({ field: 'conditionsDeadline', message: 'Geef de termijn waarbinnen aan de voorwaarden voldaan moet zijn' });
    else if (!deadline) errors.push({ field: 'conditionsDeadline', message: 'Geef de termijn als een bestaande datum, bijvoorbeeld 31-12-2027' });
    else if (deadline <= today) errors.push({ field: 'conditionsDeadline', message: 'De termijn moet na vandaag liggen' });
  } else if (OUTCOMES.includes(outcome)) {
    if (conditions.length > 0) errors.push({ field: 'conditions', message: 'Voorwaarden horen alleen bij goedkeuren onder voorwaarden; laat dit veld leeg' });
    if (deadlineText) errors.push({ field: 'conditionsDeadline', message: 'Een termijn hoort alleen bij goedkeuren onder voorwaarden; laat dit veld leeg' });
  }
  if (errors.length > 0) return { errors };
  return {
    decision: { outcome: outcome as Outcome, summary, conditions, ...(outcome === 'approved-with-conditions' ? { conditionsDeadline: deadline } : {}) },
    errors,
  };
}

/** The second assessor's answer: agree, or not with a reason. */
export function readConfirmation(values: FormValues): { confirmation?: { agree: boolean; reason?: string }; errors: FieldError[] } {
  const agree = values.agree;
  const reason = values.reason ?? '';
  if (agree !== 'ja' && agree !== 'nee') return { errors: [{ field: 'agree', message: 'Geef aan of u de beslissing bevestigt' }] };
  if (agree === 'nee' && !reason) return { errors: [{ field: 'reason', message: 'Geef een reden als u de beslissing niet bevestigt' }] };
  return { confirmation: agree === 'ja' ? { agree: true } : { agree: false, reason }, errors: [] };
}

/** JJJJ-MM-DD or DD-MM-JJJJ as an ISO date, if it is a date that exists. */
export function isoDateOf(text: string): string | undefined {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  const iso = dutch ? `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

