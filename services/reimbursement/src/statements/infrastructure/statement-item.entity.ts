import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/** A line of a statement: an approved claim line to pay, or a paid one to claw back. */
@Entity({ name: 'statement_item' })
@Index(['statementId'])
@Index(['claimId', 'lineNo'])
export class StatementItemEntity {
  @PrimaryGeneratedColumn({ name: 'item_id', type: 'bigint' })
  itemId: string;

  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  /** `payment` or `claw-back`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'budget_year', type: 'integer' })
  budgetYear: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;
}
