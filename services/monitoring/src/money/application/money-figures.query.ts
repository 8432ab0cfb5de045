import type { EntityManager } from 'typeorm';
import type { ExportRow } from '../../reporting/domain/csv';
import { NATIONAL_BUDGET_CENTS, TRANCHES, trancheOf } from '../../reporting/domain/programme';
import { endOfDay, tableOf } from '../../reporting/application/published-figures';
import { BudgetAllocationFactEntity } from '../infrastructure/budget-allocation-fact.entity';
import { MoneyMovementFactEntity } from '../infrastructure/money-movement-fact.entity';

export interface RegionYearMoney {
  readonly regionId: string;
  readonly year: number;
  readonly allocatedCents: number;
  /** Committed by submitted claims, less what decisions released. */
  readonly committedCents: number;
  readonly paidCents: number;
  readonly clawedBackCents: number;
}

export interface TrancheMoney {
  readonly code: string;
  readonly budgetCents: number;
  readonly conditional: boolean;
  readonly allocatedCents: number;
  readonly committedCents: number;
  readonly paidCents: number;
  readonly clawedBackCents: number;
}

export interface MoneyFigures {
  readonly nationalBudgetCents: number;
  readonly totals: Omit<RegionYearMoney, 'regionId' | 'year'>;
  readonly tranches: TrancheMoney[];
  readonly perRegionYear: RegionYearMoney[];
}

/** Money per region and budget year as of a date, against the national budget and its tranches. Organisations only. */
export async function moneyFigures(manager: EntityManager, asOf: string): Promise<{ figures: MoneyFigures; rows: ExportRow[] }> {
  const allocations = tableOf(manager, BudgetAllocationFactEntity);
  const movements = tableOf(manager, MoneyMovementFactEntity);
  const end = endOfDay('$1');
  const allocated: { region_id: string; year: number; amount: string; tranche: string }[] = await manager.query(
    `SELECT DISTINCT ON (region_id, year) region_id, year, amount_cents AS amount, tranche_code AS tranche
     FROM ${allocations} WHERE allocated_at < ${end} ORDER BY region_id, year, allocated_at DESC`,
    [asOf],
  );
  const moved: { region_id: string; year: number; kind: string; amount: string }[] = await manager.query(
    `SELECT region_id, year, kind, sum(amount_cents) AS amount FROM ${movements} WHERE at < ${end} GROUP BY 1, 2, 3`,
    [asOf],
  );
  const cells = new Map<string, { regionId: string; year: number; allocatedCents: number; committedCents: number; paidCents: number; clawedBackCents: number; tranche: string | null }>();
  const cell = (regionId: string, year: number) => {
    const key = `${regionId}|${year}`;
    if (!cells.has(key)) cells.set(key, { regionId, year, allocatedCents: 0, committedCents: 0, paidCents: 0, clawedBackCents: 0, tranche: trancheOf(year) });
    return cells.get(key)!;
  };
  for (const row of allocated) {
    const target = cell(row.region_id, row.year);
    target.allocatedCents = Number(row.amount);
    target.tranche = trancheOf(row.year, row.tranche);
  }
  for (const row of moved) {
    const target = cell(row.region_id, row.year);
    const amount = Number(row.amount);
    if (row.kind === 'committed') target.committedCents += amount;
    else if (row.kind === 'released') target.committedCents -= amount;
    else if (row.kind === 'paid') target.paidCents += amount;
    else if (row.kind === 'clawed-back') target.clawedBackCents += amount;
  }
  const list = [...cells.values()].sort((a, b) => a.regionId.localeCompare(b.regionId) || a.year - b.year);
  const sum = (items: typeof list) => ({
    allocatedCents: items.reduce((total, item) => total + item.allocatedCents, 0),
    committedCents: items.reduce((total, item) => total + item.committedCents, 0),
    paidCents: items.reduce((total, item) => total + item.paidCents, 0),
    clawedBackCents: items.reduce((total, item) => total + item.clawedBackCents, 0),
  });
  const tranches = TRANCHES.map((tranche) => ({
    code: tranche.code,
    budgetCents: tranche.amountCents,
    conditional: tranche.conditional,
    ...sum(list.filter((item) => item.tranche === tranche.code)),
  }));
  const perRegionYear = list.map(({ tranche: _tranche, ...rest }) => rest);
  const totals = sum(list);
  const DUTCH = { allocatedCents: 'toegekend-cent', committedCents: 'verplicht-cent', paidCents: 'betaald-cent', clawedBackCents: 'teruggevorderd-cent' } as const;
  const rows: ExportRow[] = [{ section: 'landelijk', key: '', measure: 'budget-cent', value: NATIONAL_BUDGET_CENTS, suppressed: null }];
  for (const measure of Object.keys(DUTCH) as (keyof typeof DUTCH)[]) {
    rows.push({ section: 'landelijk', key: '', measure: DUTCH[measure], value: totals[measure], suppressed: null });
    for (const tranche of tranches) rows.push({ section: 'tranche', key: tranche.code, measure: DUTCH[measure], value: tranche[measure], suppressed: null });
    for (const item of perRegionYear) rows.push({ section: 'regio-jaar', key: `${item.regionId}/${item.year}`, measure: DUTCH[measure], value: item[measure], suppressed: null });
  }
  for (const tranche of tranches) rows.push({ section: 'tranche', key: tranche.code, measure: 'budget-cent', value: tranche.budgetCents, suppressed: null });
  return { figures: { nationalBudgetCents: NATIONAL_BUDGET_CENTS, totals, tranches, perRegionYear }, rows };
}
