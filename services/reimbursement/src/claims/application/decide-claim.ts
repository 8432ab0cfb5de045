import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { inTransaction } from '@napl/persistence';
import { redecideEnrolments } from '../../eligibility/application/redecide-enrolments';
import { appendEntries } from '../../ledger/application/ledger-store';
import { addStatementItems, lockOpenStatement } from '../../statements/application/statement-book';
import { amountsPerYear, claimStatusFromLines, planDecision, type DecisionInput, type LineDecision } from '../domain/claim';
import { ClaimError } from '../domain/claim.errors';
import { linesOf, lockClaim, moneyGuardError, setLineStates } from './claim-store';
import { claimWithLines, type ClaimView } from './claim-views';
import { publishDecision } from './claim-decision-events';

/**
 * The ministry's decision on a submitted claim: approved lines go as payment items onto the region's open statement,
 * rejected lines give their commitment back to the budget. Decided once; a change after that is an amendment.
 */
@Injectable()
export class DecideClaim {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, claimId: string, input: DecisionInput): Promise<ClaimView> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const claim = await lockClaim(manager, claimId, principal);
        if (claim.status === 'draft') throw new ClaimError('CLAIM_NOT_SUBMITTED', 'conflict', 'Deze declaratie is nog niet ingediend.');
        if (claim.status !== 'submitted') {
          throw new ClaimError('CLAIM_ALREADY_DECIDED', 'conflict', 'Over deze declaratie is al besloten; het besluit verandert alleen via een wijziging, met een toelichting.');
        }
        const lines = await linesOf(manager, claimId);
        const plan = planDecision(lines, input);
        const decided = new Map(plan.map((line) => [line.lineNo, line]));
        const approved = lines.filter((line) => decided.get(line.lineNo)?.decision === 'approved');
        const rejected = lines.filter((line) => decided.get(line.lineNo)?.decision === 'rejected');

        if (approved.length > 0) {
          const statement = await lockOpenStatement(manager, claim.regionId);
          await addStatementItems(
            manager,
            statement.statementId,
            approved.map((line) => ({ kind: 'payment' as const, claimId, lineNo: line.lineNo, enrolmentId: line.enrolmentId, budgetYear: line.budgetYear, amountCents: line.amountCents })),
          );
        }
        await appendEntries(
          manager,
          rejected.map((line) => ({
            regionId: claim.regionId,
            budgetYear: line.budgetYear,
            kind: 'commitment-release' as const,
            amountCents: line.amountCents,
            claimId,
            lineNo: line.lineNo,
            enrolmentId: line.enrolmentId,
          })),
        );
        await setLineStates(manager, claimId, plan.map((line) => ({ lineNo: line.lineNo, state: line.decision, reason: line.reason })));

        // Lines that stopped counting before the decision were rejected then; they count as rejected here too.
        const finalDecisions: LineDecision[] = lines.map((line) => decided.get(line.lineNo)?.decision ?? (line.state === 'approved' ? 'approved' : 'rejected'));
        const status = claimStatusFromLines(finalDecisions);
        const now = new Date();
        const note = 'decision' in input ? (input.reason?.trim() ?? null) : null;
        await manager.query(`UPDATE claim SET status = $2, decided_at = $3, decided_by = $4, decision_note = $5 WHERE claim_id = $1`, [claimId, status, now, principal.subject, note || null]);
        const sum = (subset: typeof lines) => subset.reduce((total, line) => total + line.amountCents, 0);
        await publishDecision(manager, status, {
          claimId,
          regionId: claim.regionId,
          approvedLines: approved.length,
          rejectedLines: rejected.length,
          approvedCents: sum(approved),
          rejectedCents: sum(rejected),
          released: amountsPerYear(rejected),
          amendment: false,
          decidedAt: now,
        });
        // A rejected line leaves the claimed-once index: its enrolment may count (and be claimed) again.
        await redecideEnrolments(
          manager,
          rejected.map((line) => line.enrolmentId),
        );
        return claimWithLines(manager, claimId);
      });
    } catch (error) {
      throw moneyGuardError(error);
    }
  }
}
