import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * One enrolment on a claim. Approval (`state`) and money (`payment_state`) are separate facts. The partial unique
 * index is the rule "never claimed before in any claim": of two concurrent submissions of one enrolment, the database
 * lets one through; a rejected line leaves the index, so the enrolment can be claimed again once it counts.
 */
@Entity({ name: 'claim_line' })
@Index('claim_line_claimed_once', ['enrolmentId'], { unique: true, where: `state IN ('submitted', 'approved')` })
@Index(['enrolmentId'])
export class ClaimLineEntity {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  /** The calendar year whose budget the line is committed against. */
  @Column({ name: 'budget_year', type: 'integer' })
  budgetYear: number;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion: number;

  /** `draft`, `submitted`, `approved` or `rejected`. */
  @Column({ type: 'text' })
  state: string;

  /** Why the ministry rejected the line (or changed its decision by an amendment). */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  /** One of LinePaymentState: `unpaid`, `paid`, `awaiting-claw-back`, `clawed-back`. */
  @Column({ name: 'payment_state', type: 'text', default: 'unpaid' })
  paymentState: string;
}
