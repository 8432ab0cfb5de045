import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A quality mark that expired or was revoked; one row per mark and kind of end. */
@Entity({ name: 'mark_end_fact' })
export class MarkEndFactEntity {
  @PrimaryColumn({ name: 'mark_id', type: 'text' })
  markId: string;

  /** expired or revoked. */
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ name: 'offer_id', type: 'text' })
  offerId: string;

  @Column({ name: 'ended_at', type: 'timestamptz' })
  endedAt: Date;
}
