import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A change of a decided claim's decision: never an edit in place, always an amendment with a note. */
@Entity({ name: 'claim_amendment' })
@Index(['claimId', 'amendedAt'])
export class ClaimAmendmentEntity {
  @PrimaryColumn({ name: 'amendment_id', type: 'uuid' })
  amendmentId: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'text' })
  note: string;

  /** The lines whose decision changed: `[{ lineNo, from, to, reason }]`. */
  @Column({ type: 'jsonb' })
  changes: { lineNo: number; from: string; to: string; reason: string | null }[];

  @Column({ name: 'amended_by', type: 'text' })
  amendedBy: string;

  @Column({ name: 'amended_at', type: 'timestamptz', default: () => 'now()' })
  amendedAt: Date;
}
