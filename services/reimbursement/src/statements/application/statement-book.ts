import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { todayInAmsterdam } from '@napl/domain';
import type { Cents } from '../../shared/domain/money';
import { nextPeriod, periodOf, type StatementItemKind } from '../domain/statement';

export interface OpenStatement {
  readonly statementId: string;
  readonly regionId: string;
  readonly period: string;
  readonly deadline: string;
}

export interface NewStatementItem {
  readonly kind: StatementItemKind;
  readonly claimId: string;
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly budgetYear: number;
  readonly amountCents: Cents;
}

/**
 * The region's open statement for the current quarter (Europe/Amsterdam), created when missing; when that quarter's
 * statement is no longer open, the next quarter's. The row stays locked for the rest of the transaction, so the
 * statement cannot become payable (and be paid) while items are being added to it.
 */
export async function lockOpenStatement(manager: EntityManager, regionId: string, today: string = todayInAmsterdam()): Promise<OpenStatement> {
  let { period, deadline } = periodOf(today);
  for (;;) {
    await manager.query(
      `INSERT INTO statement (statement_id, region_id, period, deadline, status) VALUES ($1, $2, $3, $4, 'open') ON CONFLICT (region_id, period) DO NOTHING`,
      [randomUUID(), regionId, period, deadline],
    );
    const [row]: { statement_id: string; status: string; deadline: string }[] = await manager.query(
      `SELECT statement_id, status, deadline::text AS deadline FROM statement WHERE region_id = $1 AND period = $2 FOR UPDATE`,
      [regionId, period],
    );
    if (row.status === 'open') return { statementId: row.statement_id, regionId, period, deadline: row.deadline };
    ({ period, deadline } = nextPeriod(period));
  }
}

/** Adds items to an open statement in one statement (the database refuses it when the statement is not open). */
export async function addStatementItems(manager: EntityManager, statementId: string, items: readonly NewStatementItem[]): Promise<void> {
  if (items.length === 0) return;
  await manager.query(
    `INSERT INTO statement_item (statement_id, kind, claim_id, line_no, enrolment_id, budget_year, amount_cents)
     SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::int[], $5::uuid[], $6::int[], $7::bigint[])`,
    [
      statementId,
      items.map((item) => item.kind),
      items.map((item) => item.claimId),
      items.map((item) => item.lineNo),
      items.map((item) => item.enrolmentId),
      items.map((item) => item.budgetYear),
      items.map((item) => item.amountCents),
    ],
  );
}

/**
 * Takes the payment items of the given lines off the region's open statements; returns the lines whose item was
 * removed. An item on a payable or paid statement stays: that money is (being) paid and comes back by a claw-back.
 * The open statements are locked first, so none of them turns payable halfway.
 */
export async function removeOpenPaymentItems(manager: EntityManager, regionId: string, claimId: string, lineNos: readonly number[]): Promise<Set<number>> {
  if (lineNos.length === 0) return new Set();
  await manager.query(`SELECT statement_id FROM statement WHERE region_id = $1 AND status = 'open' ORDER BY period FOR UPDATE`, [regionId]);
  const [rows]: [{ line_no: number }[], number] = await manager.query(
    `DELETE FROM statement_item i USING statement s
      WHERE s.statement_id = i.statement_id AND s.status = 'open' AND i.kind = 'payment' AND i.claim_id = $1 AND i.line_no = ANY($2::int[])
      RETURNING i.line_no`,
    [claimId, lineNos],
  );
  return new Set(rows.map((row) => row.line_no));
}
