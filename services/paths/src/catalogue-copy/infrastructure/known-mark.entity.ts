import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A quality mark of an offer, from quality's events: valid until `valid_until`, or until it expired or was revoked. */
@Entity({ name: 'known_mark' })
@Index(['offerId'])
export class KnownMarkEntity {
  @PrimaryColumn({ name: 'mark_id', type: 'uuid' })
  markId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  /** When it expired or was revoked; an end that arrives before the approval is kept (see known-mark-store.ts). */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
