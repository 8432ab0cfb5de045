import type { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import type { Cents } from '../../shared/domain/money';
import { regionNotFound } from '../domain/region.errors';
import { RegionEntity } from '../infrastructure/region.entity';
import { assertMayReadRegionDetails } from './region-access';

export interface TrancheView {
  readonly code: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly amountCents: Cents;
  readonly allocatedCents: Cents;
  readonly leftCents: Cents;
  readonly conditional: boolean;
  readonly released: boolean;
  readonly releasedAt: string | null;
  readonly releaseNote: string | null;
}

export interface YearBudgetView {
  readonly year: number;
  readonly trancheCode: string | null;
  readonly allocatedCents: Cents;
  /** Committed and not yet paid or released. */
  readonly committedCents: Cents;
  readonly paidCents: Cents;
  readonly clawedBackCents: Cents;
  /** allocated − committed − (paid − clawed back): what new commitments may still use. */
  readonly availableCents: Cents;
}

/** The national budget's tranches with what is allocated from each. */
export async function listTranches(dataSource: DataSource): Promise<TrancheView[]> {
  const rows = await dataSource.query<
    { code: string; first_year: number; last_year: number; amount_cents: string; conditional: boolean; released_at: Date | null; release_note: string | null; allocated: string }[]
  >(
    `SELECT t.code, t.first_year, t.last_year, t.amount_cents, t.conditional, t.released_at, t.release_note, COALESCE(SUM(a.amount_cents), 0) AS allocated
       FROM budget_tranche t LEFT JOIN budget_allocation a ON a.tranche_code = t.code
      GROUP BY t.code ORDER BY t.first_year`,
  );
  return rows.map((row) => ({
    code: row.code,
    firstYear: row.first_year,
    lastYear: row.last_year,
    amountCents: Number(row.amount_cents),
    allocatedCents: Number(row.allocated),
    leftCents: Number(row.amount_cents) - Number(row.allocated),
    conditional: row.conditional,
    released: !row.conditional || row.released_at !== null,
    releasedAt: row.released_at ? new Date(row.released_at).toISOString() : null,
    releaseNote: row.release_note,
  }));
}

/**
 * A region's budget per year: allocated, committed, paid, clawed back and available, derived from the ledger in one
 * query (domain/ledger.ts balanceOf, in SQL). Every year with an allocation or a ledger entry, in order.
 */
export async function regionBudgets(dataSource: DataSource, principal: Principal, regionId: string): Promise<YearBudgetView[]> {
  if (!(await dataSource.getRepository(RegionEntity).existsBy({ regionId }))) throw regionNotFound();
  assertMayReadRegionDetails(principal, regionId);
  const rows = await dataSource.query<{ year: number; tranche_code: string | null; allocated: string; committed: string; paid: string; clawed_back: string }[]>(
    `WITH entries AS (
       SELECT budget_year AS year,
              SUM(CASE kind WHEN 'commitment' THEN amount_cents WHEN 'commitment-release' THEN -amount_cents
                            WHEN 'payment' THEN -amount_cents ELSE 0 END) AS committed,
              SUM(CASE kind WHEN 'payment' THEN amount_cents ELSE 0 END) AS paid,
              SUM(CASE kind WHEN 'claw-back' THEN amount_cents ELSE 0 END) AS clawed_back
         FROM ledger_entry WHERE region_id = $1 GROUP BY budget_year)
     SELECT COALESCE(a.year, e.year) AS year, a.tranche_code, COALESCE(a.amount_cents, 0) AS allocated,
            COALESCE(e.committed, 0) AS committed, COALESCE(e.paid, 0) AS paid, COALESCE(e.clawed_back, 0) AS clawed_back
       FROM (SELECT year, amount_cents, tranche_code FROM budget_allocation WHERE region_id = $1) a
       FULL JOIN entries e ON e.year = a.year
      ORDER BY 1`,
    [regionId],
  );
  return rows.map((row) => {
    const [allocated, committed, paid, clawedBack] = [row.allocated, row.committed, row.paid, row.clawed_back].map(Number);
    return {
      year: Number(row.year),
      trancheCode: row.tranche_code,
      allocatedCents: allocated,
      committedCents: committed,
      paidCents: paid,
      clawedBackCents: clawedBack,
      availableCents: allocated - committed - (paid - clawedBack),
    };
  });
}
