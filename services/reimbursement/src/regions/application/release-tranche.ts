import type { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { RegionError, trancheNotFound } from '../domain/region.errors';
import { BudgetTrancheEntity } from '../infrastructure/budget-tranche.entity';

/**
 * Releases a conditional tranche after the interim evaluation, once: from then on its years can be allocated. Not
 * undone by the API (regions may already have committed money from it).
 */
export async function releaseTranche(dataSource: DataSource, code: string, note: string): Promise<BudgetTrancheEntity> {
  return inTransaction(dataSource, async (manager) => {
    const tranche = await manager.findOne(BudgetTrancheEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!tranche) throw trancheNotFound();
    if (!tranche.conditional) {
      throw new RegionError('TRANCHE_NOT_CONDITIONAL', 'conflict', `De tranche ${code} is onvoorwaardelijk toegekend; er is niets vrij te geven.`);
    }
    if (tranche.releasedAt) {
      throw new RegionError('TRANCHE_ALREADY_RELEASED', 'conflict', `De tranche ${code} is al vrijgegeven op ${tranche.releasedAt.toISOString()}.`, {
        releasedAt: tranche.releasedAt.toISOString(),
      });
    }
    tranche.releasedAt = new Date();
    tranche.releaseNote = note;
    await manager.update(BudgetTrancheEntity, { code }, { releasedAt: tranche.releasedAt, releaseNote: note });
    return tranche;
  });
}
