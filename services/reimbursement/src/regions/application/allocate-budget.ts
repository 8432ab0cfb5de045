import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { DataSource } from 'typeorm';
import { ReimbursementEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { redecideEnrolments, unclaimedEnrolmentsOf } from '../../eligibility/application/redecide-enrolments';
import { availableByYear, lockBudgets } from '../../ledger/application/ledger-store';
import type { Cents } from '../../shared/domain/money';
import { assertAllocationAllowed, type Tranche } from '../domain/budget';
import { RegionError, regionNotFound } from '../domain/region.errors';
import { BudgetAllocationEntity } from '../infrastructure/budget-allocation.entity';
import { BudgetTrancheEntity } from '../infrastructure/budget-tranche.entity';
import { RegionEntity } from '../infrastructure/region.entity';

export interface AllocationView {
  readonly regionId: string;
  readonly year: number;
  readonly amountCents: Cents;
  readonly trancheCode: string;
  readonly updatedAt: string;
}

/**
 * Sets a region's budget for a calendar year (a first allocation or a change; the amount is the new total) and
 * publishes BudgetAllocated. Concurrent allocations from one tranche go one at a time: the tranche row is locked for
 * the transaction, so two allocations can never both fit in the last million. The region's own year row is locked
 * too (as claims lock it before committing), so no claim commits money between the check and the change.
 */
export async function allocateBudget(dataSource: DataSource, regionId: string, year: number, amountCents: Cents): Promise<{ allocation: AllocationView; created: boolean }> {
  return inTransaction(dataSource, async (manager) => {
    const region = await manager.findOneBy(RegionEntity, { regionId });
    if (!region) throw regionNotFound();
    if (!region.active) throw new RegionError('REGION_CLOSED', 'conflict', `De onderwijsregio ${regionId} is gesloten; er wordt geen budget meer toegekend.`, { regionId });
    const trancheRow = await manager
      .getRepository(BudgetTrancheEntity)
      .createQueryBuilder('tranche')
      .where('tranche.first_year <= :year AND tranche.last_year >= :year', { year })
      .setLock('pessimistic_write')
      .getOne();
    await lockBudgets(manager, regionId, [year]);
    const current = await manager.findOneBy(BudgetAllocationEntity, { regionId, year });
    const available = (await availableByYear(manager, regionId, [year])).get(year) ?? null;
    // Used = what the budget holds minus what is left of it; without an allocation nothing can have been committed.
    const usedCents = current && available !== null ? current.amountCents - available : 0;
    let allocatedElsewhereCents = 0;
    if (trancheRow) {
      const [{ sum }] = await manager.query<{ sum: string }[]>(
        `SELECT COALESCE(SUM(amount_cents), 0) AS sum FROM budget_allocation WHERE tranche_code = $1 AND NOT (region_id = $2 AND year = $3)`,
        [trancheRow.code, regionId, year],
      );
      allocatedElsewhereCents = Number(sum);
    }
    const tranche: Tranche = assertAllocationAllowed(amountCents, { year, tranche: trancheRow, allocatedElsewhereCents, usedCents });
    if (current && current.amountCents === amountCents && current.trancheCode === tranche.code) {
      return { allocation: viewOf(current), created: false };
    }
    const updatedAt = new Date();
    await manager.query(
      `INSERT INTO budget_allocation (region_id, year, amount_cents, tranche_code, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (region_id, year) DO UPDATE SET amount_cents = EXCLUDED.amount_cents, tranche_code = EXCLUDED.tranche_code, updated_at = EXCLUDED.updated_at`,
      [regionId, year, amountCents, tranche.code, updatedAt],
    );
    await publishInTransaction(manager, ReimbursementEvents.BudgetAllocated, regionId, {
      regionId,
      year,
      amountCents: BigInt(amountCents),
      trancheCode: tranche.code,
      allocatedAt: timestampFromDate(updatedAt),
    });
    // What the year's budget leaves room for changed: the region's unclaimed enrolments of that year are judged again.
    await redecideEnrolments(manager, await unclaimedEnrolmentsOf(manager, regionId, year));
    return { allocation: { regionId, year, amountCents, trancheCode: tranche.code, updatedAt: updatedAt.toISOString() }, created: !current };
  });
}

function viewOf(row: BudgetAllocationEntity): AllocationView {
  return { regionId: row.regionId, year: row.year, amountCents: row.amountCents, trancheCode: row.trancheCode, updatedAt: row.updatedAt.toISOString() };
}
