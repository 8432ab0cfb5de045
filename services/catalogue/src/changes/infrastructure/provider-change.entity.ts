import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CHANGE_KINDS = [
  'submitted',
  'published',
  'updated',
  'rejected',
  'suspended',
  'withdrawn',
  'reinstated',
  /** The published version was approved again under a new quality mark. */
  'mark-renewed',
  /** A submitted version was approved while the offer was withdrawn; undoing the withdrawal publishes it. */
  'approved-while-withdrawn',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One decision on a provider's offer, in the provider's change feed. Positions count per provider (see
 * `recordChange`): the next one is taken under a lock on the provider row, so they commit in order.
 * The primary key (provider_id, position) refuses a duplicate, should a writer ever bypass that lock.
 */
@Entity({ name: 'provider_change' })
export class ProviderChangeEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @PrimaryColumn({ type: 'bigint' })
  position: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ type: 'text' })
  kind: ChangeKind;

  /** Reasons and the like (Dutch), as the provider sees them. */
  @Column({ type: 'jsonb' })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's insert types reject unknown in jsonb
  detail: Record<string, any>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
