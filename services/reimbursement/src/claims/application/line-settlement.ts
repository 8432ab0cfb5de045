import type { EntityManager } from 'typeorm';
import { appendEntries } from '../../ledger/application/ledger-store';
import { addStatementItems, lockOpenStatement, removeOpenPaymentItems } from '../../statements/application/statement-book';
import { amountsPerYear, type LineState } from '../domain/claim';
import { setLineStates, type LineRow } from './claim-store';

export interface Settled {
  /** Commitments given back to the budget, per year. */
  readonly released: { year: number; amountCents: number }[];
  readonly releasedLines: number[];
  /** Lines whose money was (being) paid and now waits for a claw-back on the next open statement. */
  readonly clawBackLines: number[];
}

/**
 * Lines whose money is no longer owed (rejected by an amendment, or the enrolment stopped counting). Not yet paid and
 * not on a closed statement: the commitment is released and the payment item leaves the open statement. Paid, or on a
 * payable or paid statement (which is never edited): the line awaits a claw-back, an item on the next open statement.
 * `state` is the lines' state afterwards for the claw-back ones; released lines are always rejected.
 */
export async function settleWithdrawnLines(
  manager: EntityManager,
  claim: { claimId: string; regionId: string },
  lines: readonly LineRow[],
  reason: string,
  clawBackState: LineState,
): Promise<Settled> {
  const undecided = lines.filter((line) => line.state === 'submitted');
  const approvedUnpaid = lines.filter((line) => line.state === 'approved' && line.paymentState === 'unpaid');
  const removed = await removeOpenPaymentItems(manager, claim.regionId, claim.claimId, approvedUnpaid.map((line) => line.lineNo));
  const release = [...undecided, ...approvedUnpaid.filter((line) => removed.has(line.lineNo))];
  const clawBack = [...approvedUnpaid.filter((line) => !removed.has(line.lineNo)), ...lines.filter((line) => line.state === 'approved' && line.paymentState === 'paid')];

  await appendEntries(
    manager,
    release.map((line) => ({
      regionId: claim.regionId,
      budgetYear: line.budgetYear,
      kind: 'commitment-release' as const,
      amountCents: line.amountCents,
      claimId: claim.claimId,
      lineNo: line.lineNo,
      enrolmentId: line.enrolmentId,
    })),
  );
  if (clawBack.length > 0) {
    const statement = await lockOpenStatement(manager, claim.regionId);
    await addStatementItems(
      manager,
      statement.statementId,
      clawBack.map((line) => ({ kind: 'claw-back' as const, claimId: claim.claimId, lineNo: line.lineNo, enrolmentId: line.enrolmentId, budgetYear: line.budgetYear, amountCents: line.amountCents })),
    );
    await manager.query(`UPDATE claim_line SET payment_state = 'awaiting-claw-back' WHERE claim_id = $1 AND line_no = ANY($2::int[])`, [
      claim.claimId,
      clawBack.map((line) => line.lineNo),
    ]);
  }
  await setLineStates(manager, claim.claimId, [
    ...release.map((line) => ({ lineNo: line.lineNo, state: 'rejected' as const, reason })),
    ...clawBack.map((line) => ({ lineNo: line.lineNo, state: clawBackState, reason })),
  ]);
  return { released: amountsPerYear(release), releasedLines: release.map((line) => line.lineNo), clawBackLines: clawBack.map((line) => line.lineNo) };
}
