import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/** Each eligibility decision on an enrolment; the latest before a date is the enrolment's outcome on that date. */
@Entity({ name: 'eligibility_fact' })
export class EligibilityFactEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'text' })
  enrolmentId: string;

  @PrimaryColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  /** Empty when the school location belongs to no region. */
  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  @Column({ type: 'boolean' })
  eligible: boolean;

  /** The reason code of the decision (`eligible`, `no-rule-in-force`, `cap-reached`, …; see eligibilityReasonCode). */
  @Column({ type: 'text', default: 'unspecified' })
  reason: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: CENTS })
  amountCents: number;
}
