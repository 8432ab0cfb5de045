import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/** An enrolment whose amount needs the ministry's review: open in the queue, then approved or rejected with a note. */
@Entity({ name: 'review_case' })
@Index(['status', 'openedAt'])
export class ReviewCaseEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  /** `open`, `approved` or `rejected`. */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'region_id', type: 'text', nullable: true })
  regionId: string | null;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The token subject of the ministry's user who decided. */
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
