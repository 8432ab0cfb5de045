import type { Criterion } from '../../framework/domain/framework';
import { isIsoDate, refuseDecision, rejectionReasons, type CriterionScore, type ProposedDecision } from './decision';

const criteria: Criterion[] = [
  { code: 'K1', title: 'a', description: 'd', evidence: 'e', required: true },
  { code: 'K2', title: 'b', description: 'd', evidence: 'e', required: true },
  { code: 'K3', title: 'c', description: 'd', evidence: 'e', required: false },
];
const score = (criterionCode: string, met: boolean): CriterionScore => ({ criterionCode, met, score: null, justification: `over ${criterionCode}` });
const approve: ProposedDecision = { outcome: 'approved', summary: 'Goed', conditions: [], conditionsDeadline: null };
const today = '2026-03-01';

describe('refuseDecision', () => {
  it('allows approval when every required criterion is met, even if a weighed one is not', () => {
    expect(refuseDecision(criteria, [score('K1', true), score('K2', true), score('K3', false)], approve, today)).toBeNull();
  });

  it('refuses approval when a required criterion is not met, naming it', () => {
    const refusal = refuseDecision(criteria, [score('K1', true), score('K2', false), score('K3', true)], approve, today);
    expect(refusal).toMatchObject({ code: 'REQUIRED_CRITERIA_NOT_MET', criteria: ['K2'] });
  });

  it('refuses approval with conditions on an unmet required criterion too', () => {
    const decision: ProposedDecision = { outcome: 'approved-with-conditions', summary: '', conditions: ['x'], conditionsDeadline: '2026-09-01' };
    expect(refuseDecision(criteria, [score('K1', false), score('K2', true), score('K3', true)], decision, today)?.code).toBe(
      'REQUIRED_CRITERIA_NOT_MET',
    );
  });

  it('refuses any decision before every criterion is scored', () => {
    const rejection: ProposedDecision = { outcome: 'rejected', summary: 'Nee', conditions: [], conditionsDeadline: null };
    expect(refuseDecision(criteria, [score('K1', false)], rejection, today)).toMatchObject({ code: 'SCORES_INCOMPLETE', criteria: ['K2', 'K3'] });
  });

  it('allows a rejection with a summary whatever the scores, and not without one', () => {
    const scores = [score('K1', true), score('K2', true), score('K3', true)];
    expect(refuseDecision(criteria, scores, { ...approve, outcome: 'rejected', summary: 'Onvoldoende' }, today)).toBeNull();
    expect(refuseDecision(criteria, scores, { ...approve, outcome: 'rejected', summary: ' ' }, today)?.code).toBe('DECISION_INVALID');
  });

  it('refuses a rejection that carries conditions or a deadline, and an impossible deadline whatever the outcome', () => {
    const scores = [score('K1', false), score('K2', true), score('K3', true)];
    const rejection: ProposedDecision = { outcome: 'rejected', summary: 'Onvoldoende', conditions: [], conditionsDeadline: null };
    expect(refuseDecision(criteria, scores, { ...rejection, conditions: ['Klachtenregeling publiceren'] }, today)).toMatchObject({
      code: 'DECISION_INVALID',
      message: expect.stringMatching(/alleen bij een goedkeuring onder voorwaarden/),
    });
    expect(refuseDecision(criteria, scores, { ...rejection, conditionsDeadline: '2027-06-30' }, today)?.code).toBe('DECISION_INVALID');
    expect(refuseDecision(criteria, scores, { ...rejection, conditions: ['x'], conditionsDeadline: '2027-02-30' }, today)?.code).toBe('DECISION_INVALID');
    const met = [score('K1', true), score('K2', true), score('K3', true)];
    expect(refuseDecision(criteria, met, { ...approve, conditionsDeadline: '2027-02-30' }, today)?.code).toBe('DECISION_INVALID');
    expect(
      refuseDecision(criteria, met, { outcome: 'approved-with-conditions', summary: '', conditions: ['x'], conditionsDeadline: '2027-02-30' }, today),
    ).toMatchObject({ code: 'DECISION_INVALID', message: expect.stringMatching(/geen bestaande datum/) });
  });

  it('wants conditions and a future deadline for an approval with conditions', () => {
    const scores = [score('K1', true), score('K2', true), score('K3', true)];
    const withConditions = (conditions: string[], conditionsDeadline: string | null): ProposedDecision => ({
      outcome: 'approved-with-conditions',
      summary: '',
      conditions,
      conditionsDeadline,
    });
    expect(refuseDecision(criteria, scores, withConditions(['Klachtenregeling publiceren'], '2026-09-01'), today)).toBeNull();
    expect(refuseDecision(criteria, scores, withConditions([], '2026-09-01'), today)?.code).toBe('DECISION_INVALID');
    expect(refuseDecision(criteria, scores, withConditions(['x'], today), today)?.code).toBe('DECISION_INVALID');
    expect(refuseDecision(criteria, scores, withConditions(['x'], '2026-02-30'), today)?.code).toBe('DECISION_INVALID');
    expect(refuseDecision(criteria, scores, { ...approve, conditions: ['x'] }, today)?.code).toBe('DECISION_INVALID');
  });
});

describe('rejectionReasons', () => {
  it('lists the unmet criteria with their justification, in framework order', () => {
    expect(rejectionReasons(criteria, [score('K3', false), score('K1', false), score('K2', true)])).toEqual([
      { criterionCode: 'K1', reason: 'over K1' },
      { criterionCode: 'K3', reason: 'over K3' },
    ]);
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('29-02-2028')).toBe(false);
  });
});
