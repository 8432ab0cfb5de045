import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const ambient = new AsyncLocalStorage<EntityManager>();

/**
 * Runs `work` in a transaction of `dataSource`, or, when the caller is already inside one (an outer unit of work,
 * such as an Idempotency-Key request, which stores its response in the same transaction as the effect), in that
 * one. Commands write through the manager they are given; use this instead of `dataSource.transaction`.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const outer = ambient.getStore();
  if (outer?.connection === dataSource && outer.queryRunner?.isTransactionActive) return work(outer);
  return dataSource.transaction((manager) => ambient.run(manager, () => work(manager)));
}
