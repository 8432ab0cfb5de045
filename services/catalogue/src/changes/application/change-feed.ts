import type { EntityManager } from 'typeorm';
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
 * Appends a decision to the provider's change feed, in the transaction of the decision. The transaction lock per
 * provider is held until commit, so a later position is never visible before an earlier one of the same provider:
 * a client that read up to a cursor never misses an entry that commits afterwards.
 */
export async function recordChange(manager: EntityManager, change: Change): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`provider-change:${change.providerId}`]);
  await manager.save(manager.create(ProviderChangeEntity, { ...change, detail: change.detail ?? {} }));
}
