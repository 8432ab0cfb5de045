import { RULE_2026 } from '../../rules/domain/reimbursement-rule.fixtures.spec-helper';
import { amountWithinCaps, decideEligibility, reasonClaimNoLongerCounts, ELIGIBILITY_REASONS, REASON_TEXT, type EnrolmentFacts } from './eligibility';

const facts: EnrolmentFacts = {
  offerHeldValidMarkOnEnrolmentDate: true,
  regionId: 'utrecht-stad',
  alreadyClaimed: false,
  started: true,
  completed: true,
  attendancePercent: 100,
  costs: { tuition: 120_000, materials: 10_000, 'study-leave': 500_000 },
  reimbursedForOfferCents: 0,
  reimbursedInSchoolYearCents: 0,
  budgetLeftCents: 10_000_000,
};

describe('eligibility of an enrolment for reimbursement', () => {
  it('pays the rule\'s share of the counted cost types only', () => {
    // 50 % of tuition + materials (130,000), not study leave: 65,000
    expect(decideEligibility(RULE_2026, facts)).toEqual({ reason: 'ELIGIBLE', eligible: true, amountCents: 65_000 });
  });

  it('gives one reason code per outcome, in the order a region asks', () => {
    expect(decideEligibility(null, facts).reason).toBe('NO_RULE_IN_FORCE');
    expect(decideEligibility(RULE_2026, { ...facts, offerHeldValidMarkOnEnrolmentDate: false }).reason).toBe('OFFER_NOT_APPROVED');
    expect(decideEligibility(RULE_2026, { ...facts, regionId: null }).reason).toBe('SCHOOL_OUTSIDE_REGION');
    expect(decideEligibility(RULE_2026, { ...facts, alreadyClaimed: true }).reason).toBe('ALREADY_REIMBURSED');
    expect(decideEligibility(RULE_2026, { ...facts, attendancePercent: 79 }).reason).toBe('PARTICIPATION_NOT_ENOUGH');
    expect(decideEligibility(RULE_2026, { ...facts, completed: false }).reason).toBe('PARTICIPATION_NOT_ENOUGH');
    expect(decideEligibility(RULE_2026, { ...facts, reimbursedInSchoolYearCents: 150_000 }).reason).toBe('CAP_REACHED');
    expect(decideEligibility(RULE_2026, { ...facts, budgetLeftCents: 64_999 })).toEqual({ reason: 'BUDGET_EXHAUSTED', eligible: false, amountCents: 65_000 });
    expect(decideEligibility(RULE_2026, { ...facts, budgetLeftCents: null }).reason).toBe('BUDGET_EXHAUSTED');
    expect(decideEligibility(RULE_2026, { ...facts, costs: { tuition: 200_000 } })).toEqual({ reason: 'NEEDS_REVIEW', eligible: false, amountCents: 100_000 });
  });

  it('lets the ministry\'s review decide a case in the queue', () => {
    const large = { ...facts, costs: { tuition: 200_000 } };
    expect(decideEligibility(RULE_2026, { ...large, reviewDecision: 'approved' })).toMatchObject({ reason: 'ELIGIBLE', amountCents: 100_000 });
    expect(decideEligibility(RULE_2026, { ...large, reviewDecision: 'rejected' })).toMatchObject({ reason: 'NEEDS_REVIEW', eligible: false, amountCents: 0 });
  });

  it('counts a participation that started, under a rule that asks no more', () => {
    const started = { ...RULE_2026, participation: { kind: 'started' as const } };
    expect(decideEligibility(started, { ...facts, completed: false, attendancePercent: null }).eligible).toBe(true);
    expect(decideEligibility(started, { ...facts, started: false, completed: false }).reason).toBe('PARTICIPATION_NOT_ENOUGH');
  });

  it('pays only what the caps per offer and per school year leave', () => {
    expect(amountWithinCaps(RULE_2026, { costs: { tuition: 400_000 }, reimbursedForOfferCents: 0, reimbursedInSchoolYearCents: 0 })).toBe(100_000);
    expect(amountWithinCaps(RULE_2026, { costs: { tuition: 400_000 }, reimbursedForOfferCents: 60_000, reimbursedInSchoolYearCents: 60_000 })).toBe(40_000);
    expect(amountWithinCaps(RULE_2026, { costs: { tuition: 400_000 }, reimbursedForOfferCents: 0, reimbursedInSchoolYearCents: 120_000 })).toBe(30_000);
  });

  it('explains every reason in Dutch', () => {
    for (const reason of ELIGIBILITY_REASONS) expect(REASON_TEXT[reason]).toMatch(/^[A-Z].*\.$/);
  });

  it('keeps a claimed enrolment counting until its participation or its offer\'s mark stops it, whatever the budget or region', () => {
    const claimed = { ...facts, alreadyClaimed: true, budgetLeftCents: 0 };
    expect(reasonClaimNoLongerCounts(RULE_2026, claimed)).toBeNull();
    expect(reasonClaimNoLongerCounts(RULE_2026, { ...claimed, completed: false })).toBe('PARTICIPATION_NOT_ENOUGH');
    expect(reasonClaimNoLongerCounts(RULE_2026, { ...claimed, offerHeldValidMarkOnEnrolmentDate: false })).toBe('OFFER_NOT_APPROVED');
    // A school that moved region afterwards takes nothing back.
    expect(reasonClaimNoLongerCounts(RULE_2026, { ...claimed, regionId: null })).toBeNull();
  });
});
