import type { EnrolmentFacts } from '../../eligibility/domain/eligibility';
import { RULE_2026 } from '../../rules/domain/reimbursement-rule.fixtures.spec-helper';
import { amountsPerYear, checkClaimLines, claimStatusFromLines, linesOutsideRegion, planAmendment, planDecision, type JudgedEnrolment, type LineToCheck } from './claim';
import { ClaimError } from './claim.errors';

const facts: EnrolmentFacts = {
  offerHeldValidMarkOnEnrolmentDate: true,
  regionId: 'utrecht-stad',
  alreadyClaimed: false,
  started: true,
  completed: true,
  attendancePercent: 100,
  costs: { tuition: 120_000 },
  reimbursedForOfferCents: 0,
  reimbursedInSchoolYearCents: 0,
  budgetLeftCents: 10_000_000,
};

function judged(overrides: Partial<JudgedEnrolment> = {}, factOverrides: Partial<EnrolmentFacts> = {}): JudgedEnrolment {
  return {
    teacherId: 'teacher-1',
    offerId: 'offer-1',
    regionId: 'utrecht-stad',
    schoolYear: '2026-2027',
    budgetYear: 2027,
    rule: RULE_2026,
    facts: { ...facts, ...factOverrides },
    ...overrides,
  };
}

const line = (lineNo: number, judgement: JudgedEnrolment | null): LineToCheck => ({ lineNo, enrolmentId: `e-${lineNo}`, judgement });
const budget = (cents: number | null) => new Map([[2027, cents]]);

describe('checking a claim\'s lines', () => {
  it('accepts eligible lines with the amount, year and rule version of their judgement', () => {
    const { accepted, refused } = checkClaimLines('utrecht-stad', [line(1, judged()), line(2, judged({ teacherId: 'teacher-2' }))], budget(1_000_000));
    expect(refused).toEqual([]);
    expect(accepted).toEqual([
      { lineNo: 1, enrolmentId: 'e-1', amountCents: 60_000, budgetYear: 2027, ruleVersion: 1 },
      { lineNo: 2, enrolmentId: 'e-2', amountCents: 60_000, budgetYear: 2027, ruleVersion: 1 },
    ]);
  });

  it('refuses unknown enrolments and those of another region alike, naming the line', () => {
    const { refused } = checkClaimLines('utrecht-stad', [line(1, null), line(2, judged({ regionId: 'haaglanden' }))], budget(1_000_000));
    expect(refused.map((r) => [r.lineNo, r.reason])).toEqual([
      [1, 'NOT_IN_REGION'],
      [2, 'NOT_IN_REGION'],
    ]);
    expect(refused[1].message).toMatch(/^Regel 2 \(inschrijving e-2\): .*regio/);
    expect(linesOutsideRegion('utrecht-stad', [line(1, null), line(2, judged())]).map((r) => r.lineNo)).toEqual([1]);
  });

  it('gives the eligibility reason of a line that does not count', () => {
    const { refused } = checkClaimLines('utrecht-stad', [line(1, judged({}, { alreadyClaimed: true })), line(2, judged({ teacherId: 't2' }, { completed: false }))], budget(1_000_000));
    expect(refused.map((r) => r.reason)).toEqual(['ALREADY_REIMBURSED', 'PARTICIPATION_NOT_ENOUGH']);
  });

  it('counts earlier lines of the same teacher toward the caps', () => {
    // Each line asks 60,000; the cap per school year is 150,000: the third line gets the 30,000 left, the fourth nothing.
    const lines = [1, 2, 3, 4].map((n) => line(n, judged({ offerId: `offer-${n}` })));
    const { accepted, refused } = checkClaimLines('utrecht-stad', lines, budget(1_000_000));
    expect(accepted.map((a) => a.amountCents)).toEqual([60_000, 60_000, 30_000]);
    expect(refused.map((r) => [r.lineNo, r.reason])).toEqual([[4, 'CAP_REACHED']]);
  });

  it('counts earlier lines toward the budget left, year by year', () => {
    const lines = [line(1, judged({ teacherId: 'a' })), line(2, judged({ teacherId: 'b' })), line(3, judged({ teacherId: 'c', budgetYear: 2028 }))];
    const { accepted, refused } = checkClaimLines('utrecht-stad', lines, new Map([[2027, 100_000], [2028, 60_000]]));
    expect(accepted.map((a) => a.lineNo)).toEqual([1, 3]);
    expect(refused.map((r) => [r.lineNo, r.reason])).toEqual([[2, 'BUDGET_EXHAUSTED']]);
    expect(checkClaimLines('utrecht-stad', [line(1, judged())], budget(null)).refused[0].reason).toBe('BUDGET_EXHAUSTED');
  });

  it('sums amounts per budget year, in year order', () => {
    expect(amountsPerYear([{ budgetYear: 2028, amountCents: 5 }, { budgetYear: 2027, amountCents: 1 }, { budgetYear: 2028, amountCents: 2 }])).toEqual([
      { year: 2027, amountCents: 1 },
      { year: 2028, amountCents: 7 },
    ]);
  });
});

describe('the ministry\'s decision', () => {
  const lines = [
    { lineNo: 1, state: 'submitted' as const },
    { lineNo: 2, state: 'submitted' as const },
    { lineNo: 3, state: 'rejected' as const },
  ];

  it('decides every submitted line at once, a rejection with a reason', () => {
    expect(planDecision(lines, { decision: 'approved' })).toEqual([
      { lineNo: 1, decision: 'approved', reason: null },
      { lineNo: 2, decision: 'approved', reason: null },
    ]);
    expect(() => planDecision(lines, { decision: 'rejected' })).toThrow(ClaimError);
    expect(planDecision(lines, { decision: 'rejected', reason: ' te laat ' })[0].reason).toBe('te laat');
  });

  it('decides per line: each submitted line once, rejected ones with a reason', () => {
    expect(
      planDecision(lines, {
        lines: [
          { lineNo: 2, decision: 'rejected', reason: 'Geen bewijs van deelname' },
          { lineNo: 1, decision: 'approved' },
        ],
      }),
    ).toEqual([
      { lineNo: 1, decision: 'approved', reason: null },
      { lineNo: 2, decision: 'rejected', reason: 'Geen bewijs van deelname' },
    ]);
    expect(() => planDecision(lines, { lines: [{ lineNo: 1, decision: 'approved' }] })).toThrow(/ontbreken: 2/);
    expect(() => planDecision(lines, { lines: [{ lineNo: 1, decision: 'approved' }, { lineNo: 2, decision: 'rejected' }] })).toThrow(/reden/);
    expect(() => planDecision(lines, { lines: [{ lineNo: 1, decision: 'approved' }, { lineNo: 1, decision: 'approved' }] })).toThrow(/twee keer/);
    expect(() => planDecision(lines, { lines: [{ lineNo: 3, decision: 'approved' }] })).toThrow(/niet \(meer\) ter beoordeling/);
  });

  it('gives the claim its status from its lines', () => {
    expect(claimStatusFromLines(['approved', 'approved'])).toBe('approved');
    expect(claimStatusFromLines(['approved', 'rejected'])).toBe('partly-approved');
    expect(claimStatusFromLines(['rejected'])).toBe('rejected');
  });

  it('amends decided lines only, each to the other decision', () => {
    const decided = [
      { lineNo: 1, state: 'approved' as const },
      { lineNo: 2, state: 'rejected' as const },
      { lineNo: 3, state: 'submitted' as const },
    ];
    expect(planAmendment(decided, [{ lineNo: 1, decision: 'rejected', reason: 'Dubbel gedeclareerd' }, { lineNo: 2, decision: 'approved' }])).toEqual([
      { lineNo: 1, from: 'approved', decision: 'rejected', reason: 'Dubbel gedeclareerd' },
      { lineNo: 2, from: 'rejected', decision: 'approved', reason: null },
    ]);
    expect(() => planAmendment(decided, [{ lineNo: 1, decision: 'approved' }])).toThrow(/al goedgekeurd/);
    expect(() => planAmendment(decided, [{ lineNo: 1, decision: 'rejected' }])).toThrow(/reden/);
    expect(() => planAmendment(decided, [{ lineNo: 3, decision: 'rejected', reason: 'x' }])).toThrow(/nog niet besloten/);
    expect(() => planAmendment(decided, [{ lineNo: 9, decision: 'rejected', reason: 'x' }])).toThrow(/bestaat niet/);
    expect(() => planAmendment(decided, [])).toThrow(ClaimError);
  });
});
