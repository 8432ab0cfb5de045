import type { EntityManager } from 'typeorm';
import { ProviderEntity } from '../../providers/infrastructure/provider.entity';
import { ProviderChangeEntity, type ChangeKind } from '../infrastructure/provider-change.entity';

export interface Change {
  providerId: string;
  offerId: string;
  offerVersion: number;
  kind: ChangeKind;
  detail?: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Appends a decision to the provider's change feed, in the transaction of the decision (TypeORM refuses the lock
 * outside one). The provider row stays locked until commit and the position is the provider's max + 1 read under
 * that lock, so position n+1 cannot exist before n has committed: a reader that got up to a cursor never misses an
 * entry that commits afterwards, and positions have no gaps (a rolled-back position is simply taken again).
 * Callers lock the offer first and record last, so the provider lock is short and always taken in the same order.
 */
export async function recordChange(manager: EntityManager, change: Change): Promise<void> {
  const provider = await manager.findOne(ProviderEntity, {
    select: { id: true },
    where: { id: change.providerId },
    lock: { mode: 'pessimistic_write' },
  });
  // Without the row there is nothing to serialise on; an offer always belongs to a registered provider.
  if (!provider) throw new Error(`Provider ${change.providerId} does not exist; cannot record a change for offer ${change.offerId}`);
  // A statement of its own after the lock: in READ COMMITTED it sees every position committed before the lock was granted.
  const row = await manager
    .createQueryBuilder(ProviderChangeEntity, 'change')
    .select('coalesce(max(change.position), 0)', 'last')
    .where('change.providerId = :providerId', { providerId: change.providerId })
    .getRawOne<{ last: string }>();
  const position = (BigInt(row?.last ?? 0) + 1n).toString();
  await manager.insert(ProviderChangeEntity, manager.create(ProviderChangeEntity, { ...change, position, detail: change.detail ?? {} }));
}
