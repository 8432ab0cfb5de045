import { averages, reassessmentDue, type EvaluationTotals } from './evaluation-rules';

const totals = (responseCount: number, each: number): EvaluationTotals => ({
  responseCount,
  sums: { relevance: each * responseCount, teachingEffect: each * responseCount, trainerQuality: each * responseCount, wouldRecommend: each * responseCount },
});

describe('averages', () => {
  it('averages per question and over all answers, in hundredths', () => {
    const result = averages({ responseCount: 3, sums: { relevance: 10, teachingEffect: 9, trainerQuality: 15, wouldRecommend: 7 } });
    expect(result.perQuestion).toEqual({ relevance: 333, teachingEffect: 300, trainerQuality: 500, wouldRecommend: 233 });
    expect(result.overall).toBe(342); // 41 / 12
  });

  it('has no averages without responses', () => {
    expect(averages(totals(0, 0))).toMatchObject({ overall: null, perQuestion: { relevance: null } });
  });
});

describe('reassessmentDue', () => {
  const rule = { minResponses: 3, threshold: 3 };

  it('is due when enough responses average below the threshold', () => {
    expect(reassessmentDue(averages(totals(3, 2)), rule, false)).toBe(true);
  });

  it('is not due with too few responses, however low', () => {
    expect(reassessmentDue(averages(totals(2, 1)), rule, false)).toBe(false);
  });

  it('is not due at exactly the threshold', () => {
    expect(reassessmentDue(averages(totals(4, 3)), rule, false)).toBe(false);
  });

  it('is not due again once signalled', () => {
    expect(reassessmentDue(averages(totals(10, 1)), rule, true)).toBe(false);
  });

  it('compares with a fractional threshold in hundredths', () => {
    expect(reassessmentDue(averages({ responseCount: 3, sums: { relevance: 10, teachingEffect: 10, trainerQuality: 10, wouldRecommend: 10 } }), { minResponses: 3, threshold: 3.5 }, false)).toBe(true);
  });
});
