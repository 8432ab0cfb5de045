import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { ReimbursementEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { amountsPerYear } from '../../claims/domain/claim';
import { appendEntries } from '../../ledger/application/ledger-store';
import { StatementError, statementNotFound } from '../domain/statement.errors';
import { StatementItemEntity } from '../infrastructure/statement-item.entity';
import { StatementEntity } from '../infrastructure/statement.entity';
import { StatementQueries, type StatementView } from './statement-queries';

/**
 * Pays a payable statement: its payment items become payment entries in the ledger and their lines paid; its
 * claw-back items become claw-back entries and their lines clawed back. Publishes PaymentIssued and, when money came
 * back, ClawBackRecorded. Only a payable statement is paid, once.
 */
@Injectable()
export class PayStatement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: StatementQueries,
  ) {}

  async execute(principal: Principal, statementId: string, reference: string | undefined): Promise<StatementView> {
    await inTransaction(this.dataSource, async (manager) => {
      const statement = await manager.findOne(StatementEntity, { where: { statementId }, lock: { mode: 'pessimistic_write' } });
      if (!statement) throw statementNotFound();
      if (statement.status === 'open') {
        throw new StatementError('STATEMENT_NOT_PAYABLE', 'conflict', `Dit betaaloverzicht is nog open (tot en met ${statement.deadline}) en kan pas daarna worden betaald.`);
      }
      if (statement.status === 'paid') throw new StatementError('STATEMENT_CLOSED', 'conflict', 'Dit betaaloverzicht is al betaald en verandert niet meer.');

      const items = await manager.find(StatementItemEntity, { where: { statementId }, order: { itemId: 'ASC' } });
      const payments = items.filter((item) => item.kind === 'payment');
      const clawBacks = items.filter((item) => item.kind === 'claw-back');
      await appendEntries(
        manager,
        items.map((item) => ({
          regionId: statement.regionId,
          budgetYear: item.budgetYear,
          kind: item.kind === 'claw-back' ? ('claw-back' as const) : ('payment' as const),
          amountCents: item.amountCents,
          claimId: item.claimId,
          lineNo: item.lineNo,
          statementId,
          enrolmentId: item.enrolmentId,
        })),
      );
      // A line that began waiting for a claw-back while its payment sat on this statement keeps waiting.
      await setPaymentState(manager, payments, 'paid', `l.payment_state = 'unpaid'`);
      await setPaymentState(manager, clawBacks, 'clawed-back', `l.payment_state = 'awaiting-claw-back'`);

      const now = new Date();
      const paymentReference = reference?.trim() || `NAPL-${statement.regionId}-${statement.period}`;
      await manager.update(StatementEntity, { statementId }, { status: 'paid', paidAt: now, paymentReference });
      const paidCents = payments.reduce((sum, item) => sum + item.amountCents, 0);
      await publishInTransaction(manager, ReimbursementEvents.PaymentIssued, statementId, {
        statementId,
        regionId: statement.regionId,
        period: statement.period,
        paidCents: BigInt(paidCents),
        paid: amountsPerYear(payments).map(({ year, amountCents }) => ({ year, amountCents: BigInt(amountCents) })),
        paymentReference,
        paidAt: timestampFromDate(now),
      });
      if (clawBacks.length > 0) {
        await publishInTransaction(manager, ReimbursementEvents.ClawBackRecorded, statementId, {
          statementId,
          regionId: statement.regionId,
          period: statement.period,
          clawedBackCents: BigInt(clawBacks.reduce((sum, item) => sum + item.amountCents, 0)),
          clawedBack: amountsPerYear(clawBacks).map(({ year, amountCents }) => ({ year, amountCents: BigInt(amountCents) })),
          lineCount: clawBacks.length,
          recordedAt: timestampFromDate(now),
        });
      }
    });
    return this.statements.get(principal, statementId);
  }
}

async function setPaymentState(manager: EntityManager, items: readonly StatementItemEntity[], state: string, when: string): Promise<void> {
  if (items.length === 0) return;
  await manager.query(
    `UPDATE claim_line l SET payment_state = $1 FROM unnest($2::uuid[], $3::int[]) AS u(claim_id, line_no)
      WHERE l.claim_id = u.claim_id AND l.line_no = u.line_no AND ${when}`,
    [state, items.map((item) => item.claimId), items.map((item) => item.lineNo)],
  );
}
