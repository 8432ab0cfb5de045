import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { totalsOf, type ExportRow, type StatementItemKind } from '../domain/statement';
import { statementNotFound } from '../domain/statement.errors';
import { StatementItemEntity } from '../infrastructure/statement-item.entity';
import { StatementEntity } from '../infrastructure/statement.entity';

export interface StatementItemView {
  readonly itemId: string;
  readonly kind: string;
  readonly claimId: string;
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly budgetYear: number;
  readonly amountCents: number;
  readonly addedAt: string;
}

export interface StatementView {
  readonly statementId: string;
  readonly regionId: string;
  readonly period: string;
  readonly deadline: string;
  readonly status: string;
  readonly createdAt: string;
  readonly payableAt: string | null;
  readonly paidAt: string | null;
  readonly paymentReference: string | null;
  readonly itemCount: number;
  readonly paymentsCents: number;
  readonly clawBacksCents: number;
  readonly netCents: number;
  readonly items?: StatementItemView[];
}

/** The ministry and admins see every statement; a region its own (another's answers as missing). */
export function mayReadStatement(principal: Principal, statement: Pick<StatementEntity, 'regionId'>): boolean {
  return hasRole(principal, 'ministry', 'admin') || (principal.regionId !== undefined && principal.regionId === statement.regionId);
}

@Injectable()
export class StatementQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest period first, then by region (keyset on period, statement id). */
  async list(principal: Principal, filter: { status?: string; regionId?: string }, paging: PageQuery): Promise<Page<StatementView>> {
    const limit = limitOf(paging);
    const after = decodeCursor(paging.cursor, ['text', 'uuid']);
    const query = this.dataSource.getRepository(StatementEntity).createQueryBuilder('statement');
    if (!hasRole(principal, 'ministry', 'admin')) query.andWhere('statement.region_id = :own', { own: principal.regionId ?? '' });
    else if (filter.regionId) query.andWhere('statement.region_id = :regionId', { regionId: filter.regionId });
    if (filter.status) query.andWhere('statement.status = :status', { status: filter.status });
    if (after) query.andWhere('(statement.period, statement.statement_id) < (:period, :id::uuid)', { period: after[0], id: after[1] });
    const rows = await query.orderBy('statement.period', 'DESC').addOrderBy('statement.statement_id', 'DESC').limit(limit + 1).getMany();
    const totals = await this.totals(rows.map((row) => row.statementId));
    return pageOf(rows, limit, (row) => [row.period, row.statementId], (row) => viewOf(row, totals.get(row.statementId)!));
  }

  async get(principal: Principal, statementId: string): Promise<StatementView> {
    const statement = await this.visible(principal, statementId);
    const items = await this.dataSource.getRepository(StatementItemEntity).find({ where: { statementId }, order: { claimId: 'ASC', lineNo: 'ASC', itemId: 'ASC' } });
    return {
      ...viewOf(statement, summaryOf(items)),
      items: items.map((item) => ({
        itemId: item.itemId,
        kind: item.kind,
        claimId: item.claimId,
        lineNo: item.lineNo,
        enrolmentId: item.enrolmentId,
        budgetYear: item.budgetYear,
        amountCents: item.amountCents,
        addedAt: item.addedAt.toISOString(),
      })),
    };
  }

  /** Every item as a row for finance, claw-backs negative so the amounts add up to the net. */
  async exportRows(principal: Principal, statementId: string): Promise<{ statement: StatementView; rows: ExportRow[] }> {
    const statement = await this.visible(principal, statementId);
    const items = await this.dataSource.getRepository(StatementItemEntity).find({ where: { statementId }, order: { claimId: 'ASC', lineNo: 'ASC', itemId: 'ASC' } });
    return {
      statement: viewOf(statement, summaryOf(items)),
      rows: items.map((item) => ({
        statementId,
        period: statement.period,
        regionId: statement.regionId,
        claimId: item.claimId,
        lineNo: item.lineNo,
        enrolmentId: item.enrolmentId,
        budgetYear: item.budgetYear,
        kind: item.kind as StatementItemKind,
        amountCents: item.kind === 'claw-back' ? -item.amountCents : item.amountCents,
      })),
    };
  }

  private async visible(principal: Principal, statementId: string): Promise<StatementEntity> {
    return visibleOrNotFound(await this.dataSource.getRepository(StatementEntity).findOneBy({ statementId }), (found) => mayReadStatement(principal, found), statementNotFound);
  }

  private async totals(statementIds: string[]): Promise<Map<string, Summary>> {
    if (statementIds.length === 0) return new Map();
    const rows: { statement_id: string; kind: string; amount: string; count: number }[] = await this.dataSource.query(
      `SELECT statement_id, kind, SUM(amount_cents) AS amount, COUNT(*)::int AS count FROM statement_item WHERE statement_id = ANY($1::uuid[]) GROUP BY statement_id, kind`,
      [statementIds],
    );
    return new Map(
      statementIds.map((statementId) => {
        const mine = rows.filter((row) => row.statement_id === statementId);
        return [
          statementId,
          {
            itemCount: mine.reduce((sum, row) => sum + row.count, 0),
            ...totalsOf(mine.map((row) => ({ kind: row.kind, amountCents: Number(row.amount) }))),
          },
        ];
      }),
    );
  }
}

interface Summary {
  readonly itemCount: number;
  readonly paymentsCents: number;
  readonly clawBacksCents: number;
  readonly netCents: number;
}

function summaryOf(items: readonly { kind: string; amountCents: number }[]): Summary {
  return { itemCount: items.length, ...totalsOf(items) };
}

function viewOf(statement: StatementEntity, summary: Summary): StatementView {
  return {
    statementId: statement.statementId,
    regionId: statement.regionId,
    period: statement.period,
    deadline: statement.deadline,
    status: statement.status,
    createdAt: statement.createdAt.toISOString(),
    payableAt: statement.payableAt?.toISOString() ?? null,
    paidAt: statement.paidAt?.toISOString() ?? null,
    paymentReference: statement.paymentReference,
    ...summary,
  };
}
