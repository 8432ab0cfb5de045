import type { EntityManager } from 'typeorm';
import type { EligibilityReason } from '../../eligibility/domain/eligibility';

/**
 * An enrolment on a submitted or approved claim line no longer counts (cancelled, not completed as the rule asks, …):
 * before payment its commitment is released; after payment the line awaits a claw-back on the region's next open
 * statement. Called by eligibility when an enrolment's facts change; does nothing for an enrolment on no active line.
 */
export async function stopCountingClaimedEnrolment(manager: EntityManager, enrolmentId: string, reason: EligibilityReason): Promise<void> {
  // Implemented with the claims feature (ledger release / claw-back); see claims.module.ts.
  void manager;
  void enrolmentId;
  void reason;
  throw new Error('not implemented yet');
}
