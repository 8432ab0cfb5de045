import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A quality mark of an offer, from quality's events: valid from its grant until `valid_until`, or until it expired or
 * was revoked. An offer qualifies for reimbursement when it held a valid mark on the enrolment date.
 */
@Entity({ name: 'known_mark' })
@Index(['offerId'])
export class KnownMarkEntity {
  @PrimaryColumn({ name: 'mark_id', type: 'uuid' })
  markId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  /** When the approval was decided; null while only the mark's end has arrived. */
  @Column({ name: 'granted_at', type: 'timestamptz', nullable: true })
  grantedAt: Date | null;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
