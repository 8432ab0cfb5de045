import { problemsOf, ruleInForce } from './reimbursement-rule';
import { RULE_2026 } from './reimbursement-rule.fixtures.spec-helper';


describe('reimbursement rule versions', () => {
  const versions = [
    { version: 1, validFrom: '2026-08-01' },
    { version: 2, validFrom: '2027-01-01' },
    { version: 3, validFrom: '2027-08-01' },
  ];

  it('judges an enrolment by the version in force on its enrolment date', () => {
    expect(ruleInForce(versions, '2026-07-31')).toBeNull();
    expect(ruleInForce(versions, '2026-08-01')?.version).toBe(1);
    expect(ruleInForce(versions, '2026-12-31')?.version).toBe(1);
    expect(ruleInForce(versions, '2027-01-01')?.version).toBe(2);
    expect(ruleInForce(versions, '2030-01-01')?.version).toBe(3);
  });

  it('does not depend on the order the versions are listed in', () => {
    expect(ruleInForce([...versions].reverse(), '2027-03-01')?.version).toBe(2);
  });

  it('accepts a sound rule and names every problem of a bad one', () => {
    expect(problemsOf(RULE_2026)).toEqual([]);
    const bad = {
      ...RULE_2026,
      costTypes: [],
      percentageBasisPoints: 0,
      maxPerParticipantPerOfferCents: 200_000,
      maxPerParticipantPerSchoolYearCents: 1.5,
      participation: { kind: 'completed' as const, minimumAttendancePercent: 120 },
    };
    expect(problemsOf(bad)).toHaveLength(5);
  });
});
