import type { EntityManager } from 'typeorm';
import { REASON_TEXT, type EligibilityReason } from '../../eligibility/domain/eligibility';
import type { LineState } from '../domain/claim';
import type { LineRow } from './claim-store';
import { settleWithdrawnLines } from './line-settlement';

/**
 * An enrolment on a submitted or approved claim line no longer counts (cancelled, not completed as the rule asks, …):
 * before payment its commitment is released and the line rejected with the reason; after payment (or with its payment
 * item on a statement that is no longer open) the line awaits a claw-back on the region's next open statement. Called
 * by eligibility when an enrolment's facts change; does nothing for an enrolment on no active line, nor for a line
 * already awaiting or past its claw-back, so calling it again changes nothing.
 */
export async function stopCountingClaimedEnrolment(manager: EntityManager, enrolmentId: string, reason: EligibilityReason): Promise<void> {
  const candidates: { claim_id: string }[] = await manager.query(
    `SELECT claim_id FROM claim_line WHERE enrolment_id = $1 AND state IN ('submitted', 'approved') AND payment_state IN ('unpaid', 'paid') ORDER BY claim_id`,
    [enrolmentId],
  );
  for (const { claim_id: claimId } of candidates) {
    // The claim first, as a decision or amendment takes it: neither can decide on a line this settles meanwhile.
    const [claim]: { region_id: string }[] = await manager.query(`SELECT region_id FROM claim WHERE claim_id = $1 FOR UPDATE`, [claimId]);
    const lines: { line_no: number; amount_cents: string; budget_year: number; rule_version: number; state: string; payment_state: string }[] = await manager.query(
      `SELECT line_no, amount_cents, budget_year, rule_version, state, payment_state FROM claim_line
        WHERE claim_id = $1 AND enrolment_id = $2 AND state IN ('submitted', 'approved') AND payment_state IN ('unpaid', 'paid')`,
      [claimId, enrolmentId],
    );
    if (lines.length === 0) continue;
    const rows: LineRow[] = lines.map((line) => ({
      lineNo: line.line_no,
      enrolmentId,
      amountCents: Number(line.amount_cents),
      budgetYear: line.budget_year,
      ruleVersion: line.rule_version,
      state: line.state as LineState,
      decisionReason: null,
      paymentState: line.payment_state,
    }));
    await settleWithdrawnLines(manager, { claimId, regionId: claim.region_id }, rows, `Telt niet meer mee (${reason}): ${REASON_TEXT[reason]}`, 'approved');
  }
}
