import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ChangeKind = 'submitted' | 'published' | 'updated' | 'rejected' | 'suspended' | 'withdrawn' | 'reinstated';

/**
 * One decision on a provider's offer, in the provider's change feed. Positions of one provider are written
 * under a per-provider transaction lock, so they become visible in order and a cursor never skips one.
 */
@Entity({ name: 'provider_change' })
@Index('provider_change_feed_idx', ['providerId', 'position'])
export class ProviderChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  position: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ type: 'text' })
  kind: ChangeKind;

  /** Reasons and the like (Dutch), as the provider sees them. */
  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
