import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { REVISION } from '../../shared/revision';
import type { OfferState, OfferStatus } from '../domain/offer-lifecycle';

/** The offer aggregate's root: publication status and which version is published; content lives per version. */
@Entity({ name: 'offer' })
@Index('offer_provider_updated_idx', ['providerId', 'updatedAt', 'id'])
export class OfferEntity implements OfferState {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'text' })
  status: OfferStatus;

  @Column({ name: 'latest_version', type: 'integer' })
  latestVersion: number;

  @Column({ name: 'published_version', type: 'integer', nullable: true })
  publishedVersion: number | null;

  @Column({ name: 'current_mark_id', type: 'uuid', nullable: true })
  currentMarkId: string | null;

  @Column({ name: 'mark_valid_until', type: 'timestamptz', nullable: true })
  markValidUntil: Date | null;

  @Column({ name: 'suspended_reason', type: 'text', nullable: true })
  suspendedReason: string | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ name: 'status_before_withdrawal', type: 'text', nullable: true })
  statusBeforeWithdrawal: OfferStatus | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Moves only when something visible in the API changes (the updated_since filter of provider systems). */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** One more for every event published about this offer, which carries it (see shared/revision.ts); internal. */
  @Column({ type: 'bigint', default: 0, transformer: REVISION })
  revision: number;
}
