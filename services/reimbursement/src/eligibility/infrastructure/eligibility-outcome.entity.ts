import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/** The stored outcome of an enrolment (domain/eligibility.ts), decided again whenever its facts change. */
@Entity({ name: 'eligibility_outcome' })
@Index(['regionId', 'reason'])
export class EligibilityOutcomeEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  /** The region of the enrolment's school location; null when it belongs to none. */
  @Column({ name: 'region_id', type: 'text', nullable: true })
  regionId: string | null;

  @Column({ name: 'school_id', type: 'text', nullable: true })
  schoolId: string | null;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  /** One of ELIGIBILITY_REASONS. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;

  @Column({ name: 'rule_version', type: 'integer', nullable: true })
  ruleVersion: number | null;

  @Column({ name: 'enrolled_on', type: 'date', nullable: true })
  enrolledOn: string | null;

  /** The calendar year whose budget the enrolment is paid from (the enrolment date's). */
  @Column({ name: 'budget_year', type: 'integer', nullable: true })
  budgetYear: number | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
