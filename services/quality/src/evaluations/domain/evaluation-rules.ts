/** The four questions of the evaluation, each answered 1-5. */
export const QUESTIONS = ['relevance', 'teachingEffect', 'trainerQuality', 'wouldRecommend'] as const;
export type Question = (typeof QUESTIONS)[number];

export interface EvaluationTotals {
  readonly responseCount: number;
  /** Per question, the sum of the answers. */
  readonly sums: Record<Question, number>;
}

export interface EvaluationAverages {
  readonly responseCount: number;
  /** Per question and overall (all answers), in hundredths: 274 is 2.74. Null without responses. */
  readonly perQuestion: Record<Question, number | null>;
  readonly overall: number | null;
}

export function averages(totals: EvaluationTotals): EvaluationAverages {
  const { responseCount, sums } = totals;
  const hundredths = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum * 100) / count));
  const perQuestion = Object.fromEntries(QUESTIONS.map((question) => [question, hundredths(sums[question], responseCount)])) as Record<
    Question,
    number | null
  >;
  const total = QUESTIONS.reduce((sum, question) => sum + sums[question], 0);
  return { responseCount, perQuestion, overall: hundredths(total, responseCount * QUESTIONS.length) };
}

/**
 * A re-assessment is due when enough responses have come in since the last assessment and their overall average
 * is below the threshold, and none has been announced since then (one signal per re-assessment, not one per response).
 */
export function reassessmentDue(
  current: EvaluationAverages,
  rule: { readonly minResponses: number; readonly threshold: number },
  alreadySignalled: boolean,
): boolean {
  if (alreadySignalled || current.overall === null || current.responseCount < rule.minResponses) return false;
  return current.overall < Math.round(rule.threshold * 100);
}
