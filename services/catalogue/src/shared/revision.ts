import type { EntityManager, EntityTarget, ValueTransformer } from 'typeorm';

/**
 * The revision of an aggregate (an offer, a run): one more for every event the catalogue publishes about it, counted
 * in that event's transaction under the aggregate's row lock, and carried in the event (`revision`). Consumers that
 * keep a copy apply an event only when its revision is greater than the one they hold, so their copies follow the
 * order of the changes here, not the clocks of the instances that published them.
 *
 * bigint in Postgres; as a JS number it is exact up to 2^53 events, far beyond any aggregate's history.
 */
export const REVISION: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string) => Number(value),
};

export interface Revised {
  id: string;
  revision: number;
}

/**
 * Counts the event about to be published about `aggregate` and returns the revision for it to carry. The caller holds
 * the aggregate's row lock (`pessimistic_write`) and publishes in the same transaction, so revisions of one aggregate
 * are given out one at a time, in the order its events are written. Stored at once, so it does not matter whether the
 * aggregate is saved before or after.
 */
export async function nextRevision<T extends Revised>(manager: EntityManager, target: EntityTarget<T>, aggregate: T): Promise<bigint> {
  aggregate.revision += 1;
  const table = manager.connection.getMetadata(target).tablePath;
  await manager.query(`UPDATE ${table} SET revision = $2 WHERE id = $1`, [aggregate.id, aggregate.revision]);
  return BigInt(aggregate.revision);
}
