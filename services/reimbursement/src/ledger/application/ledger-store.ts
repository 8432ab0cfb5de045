import type { EntityManager } from 'typeorm';
import type { Cents } from '../../shared/domain/money';
import type { EntryKind } from '../domain/ledger';
import { LedgerEntryEntity } from '../infrastructure/ledger-entry.entity';

export interface NewLedgerEntry {
  readonly regionId: string;
  readonly budgetYear: number;
  readonly kind: EntryKind;
  readonly amountCents: Cents;
  readonly claimId?: string | null;
  readonly lineNo?: number | null;
  readonly statementId?: string | null;
  readonly enrolmentId?: string | null;
}

/**
 * Takes the budget rows of a region's years, in year order, for the rest of the transaction: whoever commits money
 * against them goes one at a time, so two claims can never both use the last euro. (The ledger's trigger refuses an
 * overdrawn balance too; this lock turns that refusal into an orderly check instead of a failed transaction.)
 */
export async function lockBudgets(manager: EntityManager, regionId: string, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  await manager.query(`SELECT 1 FROM budget_allocation WHERE region_id = $1 AND year = ANY($2::int[]) ORDER BY year FOR UPDATE`, [regionId, [...new Set(years)]]);
}

/**
 * What new commitments may still use per year: allocated − committed − net paid (domain/ledger.ts balanceOf, here as
 * one query). A year without an allocation has no budget: null.
 */
export async function availableByYear(manager: EntityManager, regionId: string, years: readonly number[]): Promise<Map<number, Cents | null>> {
  const rows: { year: number; available: string | null }[] = await manager.query(
    `SELECT y.year, a.amount_cents - COALESCE((
              SELECT SUM(CASE e.kind WHEN 'commitment' THEN e.amount_cents WHEN 'commitment-release' THEN -e.amount_cents
                                     WHEN 'claw-back' THEN -e.amount_cents ELSE 0 END)
                FROM ledger_entry e WHERE e.region_id = $1 AND e.budget_year = y.year), 0) AS available
       FROM unnest($2::int[]) AS y(year)
       LEFT JOIN budget_allocation a ON a.region_id = $1 AND a.year = y.year`,
    [regionId, [...new Set(years)]],
  );
  return new Map(rows.map((row) => [Number(row.year), row.available === null ? null : Number(row.available)]));
}

/** Appends entries in one statement (the ledger's trigger checks the balances once for all of them). */
export async function appendEntries(manager: EntityManager, entries: readonly NewLedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const table = manager.connection.getMetadata(LedgerEntryEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (region_id, budget_year, kind, amount_cents, claim_id, line_no, statement_id, enrolment_id)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[], $5::uuid[], $6::int[], $7::uuid[], $8::uuid[])`,
    [
      entries.map((entry) => entry.regionId),
      entries.map((entry) => entry.budgetYear),
      entries.map((entry) => entry.kind),
      entries.map((entry) => entry.amountCents),
      entries.map((entry) => entry.claimId ?? null),
      entries.map((entry) => entry.lineNo ?? null),
      entries.map((entry) => entry.statementId ?? null),
      entries.map((entry) => entry.enrolmentId ?? null),
    ],
  );
}
