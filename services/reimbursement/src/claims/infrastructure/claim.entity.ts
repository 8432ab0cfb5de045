import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/** A region's claim (domain/claim.ts): a draft, submitted, then decided by the ministry. */
@Entity({ name: 'claim' })
@Index(['regionId', 'createdAt'])
@Index(['status', 'submittedAt'])
export class ClaimEntity {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  /** One of ClaimStatus. */
  @Column({ type: 'text' })
  status: string;

  /** The region's own reference for its administration, free text. */
  @Column({ type: 'text', default: '' })
  reference: string;

  @Column({ name: 'line_count', type: 'integer', default: 0 })
  lineCount: number;

  @Column({ name: 'total_cents', type: 'bigint', default: 0, transformer: CENTS })
  totalCents: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;
}
