import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { redecideEnrolments } from '../../eligibility/application/redecide-enrolments';
import { appendEntries } from '../../ledger/application/ledger-store';
import { addStatementItems, lockOpenStatement } from '../../statements/application/statement-book';
import { amountsPerYear, claimStatusFromLines, isValidAmendmentNote, planAmendment, type LineDecision, type LineDecisionInput } from '../domain/claim';
import { ClaimError } from '../domain/claim.errors';
import { linesOf, lockClaim, moneyGuardError, setLineStates } from './claim-store';
import { claimWithLines, type ClaimView } from './claim-views';
import { publishDecision } from './claim-decision-events';
import { checkLinesForCommitment } from './line-checks';
import { settleWithdrawnLines } from './line-settlement';

const DECIDED = ['approved', 'partly-approved', 'rejected'];

/**
 * Changes the decision of lines of a decided claim, always with a note, kept as a claim_amendment. Approved →
 * rejected: the commitment is released (or, when the money is paid or on a closed statement, clawed back on the next
 * open statement). Rejected → approved: the line is checked again as on submission (eligible, not claimed elsewhere,
 * budget left), committed, and goes as a payment item on the open statement.
 */
@Injectable()
export class AmendClaim {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, claimId: string, note: string | undefined, changes: readonly LineDecisionInput[]): Promise<ClaimView & { amendmentId: string }> {
    if (!isValidAmendmentNote(note)) {
      throw new ClaimError('AMENDMENT_NOTE_REQUIRED', 'invalid', 'Een wijziging van een besluit heeft een toelichting nodig van ten minste 10 tekens.');
    }
    let checked: { lineNo: number; enrolmentId: string }[] = [];
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const claim = await lockClaim(manager, claimId, principal);
        if (!DECIDED.includes(claim.status)) throw new ClaimError('CLAIM_NOT_DECIDED', 'conflict', 'Over deze declaratie is nog niet besloten: neem eerst een besluit.');
        const lines = await linesOf(manager, claimId);
        const plan = planAmendment(lines, changes);
        const byLine = new Map(lines.map((line) => [line.lineNo, line]));

        const toReject = plan.filter((change) => change.decision === 'rejected').map((change) => byLine.get(change.lineNo)!);
        const toApprove = plan.filter((change) => change.decision === 'approved').map((change) => byLine.get(change.lineNo)!);
        const waiting = toApprove.filter((line) => line.paymentState === 'awaiting-claw-back');
        if (waiting.length > 0) {
          throw new ClaimError('INVALID_DECISION', 'conflict', `Regel ${waiting[0].lineNo} wacht nog op een terugvordering; keur die pas goed als die is verwerkt.`, {
            lines: waiting.map((line) => line.lineNo),
          });
        }

        const reasons = new Map(plan.map((change) => [change.lineNo, change.reason]));
        let released: { year: number; amountCents: number }[] = [];
        for (const line of toReject) {
          // One at a time: each line keeps its own reason.
          const settled = await settleWithdrawnLines(manager, claim, [line], reasons.get(line.lineNo)!, 'rejected');
          released = [...released, ...settled.released];
        }

        let approvedCents = 0;
        if (toApprove.length > 0) {
          checked = toApprove.map((line) => ({ lineNo: line.lineNo, enrolmentId: line.enrolmentId }));
          const accepted = await checkLinesForCommitment(manager, claim.regionId, checked);
          await manager.query(
            `UPDATE claim_line l SET state = 'approved', decision_reason = NULL, payment_state = 'unpaid', amount_cents = u.amount, budget_year = u.year, rule_version = u.rule
               FROM unnest($2::int[], $3::bigint[], $4::int[], $5::int[]) AS u(line_no, amount, year, rule)
              WHERE l.claim_id = $1 AND l.line_no = u.line_no`,
            [claimId, accepted.map((line) => line.lineNo), accepted.map((line) => line.amountCents), accepted.map((line) => line.budgetYear), accepted.map((line) => line.ruleVersion)],
          );
          await appendEntries(
            manager,
            accepted.map((line) => ({
              regionId: claim.regionId,
              budgetYear: line.budgetYear,
              kind: 'commitment' as const,
              amountCents: line.amountCents,
              claimId,
              lineNo: line.lineNo,
              enrolmentId: line.enrolmentId,
            })),
          );
          const statement = await lockOpenStatement(manager, claim.regionId);
          await addStatementItems(
            manager,
            statement.statementId,
            accepted.map((line) => ({ kind: 'payment' as const, claimId, lineNo: line.lineNo, enrolmentId: line.enrolmentId, budgetYear: line.budgetYear, amountCents: line.amountCents })),
          );
          await setLineStates(
            manager,
            claimId,
            accepted.map((line) => ({ lineNo: line.lineNo, state: 'approved', reason: reasons.get(line.lineNo) ?? null })),
          );
          approvedCents = accepted.reduce((sum, line) => sum + line.amountCents, 0);
        }

        const after = await linesOf(manager, claimId);
        const status = claimStatusFromLines(after.map((line): LineDecision => (line.state === 'approved' ? 'approved' : 'rejected')));
        const now = new Date();
        await manager.query(`UPDATE claim SET status = $2 WHERE claim_id = $1`, [claimId, status]);
        const amendmentId = randomUUID();
        await manager.query(`INSERT INTO claim_amendment (amendment_id, claim_id, note, changes, amended_by, amended_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
          amendmentId,
          claimId,
          note!.trim(),
          JSON.stringify(plan.map((change) => ({ lineNo: change.lineNo, from: change.from, to: change.decision, reason: change.reason }))),
          principal.subject,
          now,
        ]);
        await publishDecision(manager, status, {
          claimId,
          regionId: claim.regionId,
          approvedLines: toApprove.length,
          rejectedLines: toReject.length,
          approvedCents,
          rejectedCents: toReject.reduce((sum, line) => sum + line.amountCents, 0),
          released: amountsPerYear(released.map(({ year, amountCents }) => ({ budgetYear: year, amountCents }))),
          amendment: true,
          decidedAt: now,
        });
        await redecideEnrolments(
          manager,
          plan.map((change) => byLine.get(change.lineNo)!.enrolmentId),
        );
        return { ...(await claimWithLines(manager, claimId)), amendmentId };
      });
    } catch (error) {
      throw moneyGuardError(error, checked);
    }
  }
}
