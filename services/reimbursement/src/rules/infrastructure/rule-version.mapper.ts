import type { CostType, RuleVersion } from '../domain/reimbursement-rule';
import type { RuleVersionEntity } from './rule-version.entity';

/** A stored rule version as the domain reads it. */
export function ruleOf(row: RuleVersionEntity): RuleVersion {
  return {
    version: row.version,
    validFrom: row.validFrom,
    costTypes: row.costTypes as CostType[],
    percentageBasisPoints: row.percentageBasisPoints,
    maxPerParticipantPerOfferCents: row.maxPerParticipantPerOfferCents,
    maxPerParticipantPerSchoolYearCents: row.maxPerParticipantPerSchoolYearCents,
    participation:
      row.participationKind === 'started' ? { kind: 'started' } : { kind: 'completed', minimumAttendancePercent: row.minimumAttendancePercent ?? 100 },
    reviewAboveCents: row.reviewAboveCents,
  };
}
