import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A region's statement for one period (domain/statement.ts): open, payable after its deadline, then paid. A database
 * trigger refuses any change to the items of a statement that is no longer open.
 */
@Entity({ name: 'statement' })
@Index(['regionId', 'period'], { unique: true })
@Index(['status', 'deadline'])
export class StatementEntity {
  @PrimaryColumn({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  /** The quarter it covers, e.g. `2027-Q1`. */
  @Column({ type: 'text' })
  period: string;

  /** The last day lines are added (YYYY-MM-DD); after it the statement is payable. */
  @Column({ type: 'date' })
  deadline: string;

  /** `open`, `payable` or `paid`. */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'payable_at', type: 'timestamptz', nullable: true })
  payableAt: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference: string | null;
}
