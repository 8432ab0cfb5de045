import type { RuleVersion } from './reimbursement-rule';

// A rule version for the unit tests (not compiled into the service: see tsconfig.build.json).
export const RULE_2026: RuleVersion = {
  version: 1,
  validFrom: '2026-08-01',
  costTypes: ['tuition', 'materials'],
  percentageBasisPoints: 5_000,
  maxPerParticipantPerOfferCents: 100_000,
  maxPerParticipantPerSchoolYearCents: 150_000,
  participation: { kind: 'completed', minimumAttendancePercent: 80 },
  reviewAboveCents: 90_000,
};
