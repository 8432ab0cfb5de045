import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { ReimbursementEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { redecideEnrolments } from '../../eligibility/application/redecide-enrolments';
import { appendEntries } from '../../ledger/application/ledger-store';
import { amountsPerYear } from '../domain/claim';
import { ClaimError } from '../domain/claim.errors';
import { linesOf, lockClaim, moneyGuardError, regionOf } from './claim-store';
import { claimWithLines, type ClaimView } from './claim-views';
import { checkLinesForCommitment } from './line-checks';

/**
 * Submits a draft: every line checked again (eligible, in the region, never claimed, within the caps together, budget
 * left after the lines before it); all pass, or nothing is stored. Then, in the same transaction: the lines submitted
 * with their amounts (the unique index lets only one of two concurrent claims of an enrolment through), the
 * commitments in the ledger, ClaimSubmitted, and the enrolments' eligibility judged again (now already claimed).
 */
@Injectable()
export class SubmitClaim {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, claimId: string): Promise<ClaimView> {
    const regionId = regionOf(principal);
    let lines: { lineNo: number; enrolmentId: string }[] = [];
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const claim = await lockClaim(manager, claimId, principal);
        if (claim.status !== 'draft') throw new ClaimError('CLAIM_NOT_DRAFT', 'conflict', 'Deze declaratie is al ingediend.');
        lines = await linesOf(manager, claimId);
        const accepted = await checkLinesForCommitment(manager, regionId, lines);

        await manager.query(
          `UPDATE claim_line l SET state = 'submitted', amount_cents = u.amount, budget_year = u.year, rule_version = u.rule
             FROM unnest($2::int[], $3::bigint[], $4::int[], $5::int[]) AS u(line_no, amount, year, rule)
            WHERE l.claim_id = $1 AND l.line_no = u.line_no`,
          [claimId, accepted.map((line) => line.lineNo), accepted.map((line) => line.amountCents), accepted.map((line) => line.budgetYear), accepted.map((line) => line.ruleVersion)],
        );
        await appendEntries(
          manager,
          accepted.map((line) => ({ regionId, budgetYear: line.budgetYear, kind: 'commitment' as const, amountCents: line.amountCents, claimId, lineNo: line.lineNo, enrolmentId: line.enrolmentId })),
        );
        const total = accepted.reduce((sum, line) => sum + line.amountCents, 0);
        const now = new Date();
        await manager.query(`UPDATE claim SET status = 'submitted', line_count = $2, total_cents = $3, submitted_at = $4 WHERE claim_id = $1`, [claimId, accepted.length, total, now]);
        await publishInTransaction(manager, ReimbursementEvents.ClaimSubmitted, claimId, {
          claimId,
          regionId,
          lineCount: accepted.length,
          totalCents: BigInt(total),
          committed: amountsPerYear(accepted).map(({ year, amountCents }) => ({ year, amountCents: BigInt(amountCents) })),
          submittedAt: timestampFromDate(now),
        });
        await redecideEnrolments(
          manager,
          accepted.map((line) => line.enrolmentId),
        );
        return claimWithLines(manager, claimId);
      });
    } catch (error) {
      throw moneyGuardError(error, lines);
    }
  }
}
