import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * Reimbursement's copy of an enrolment, from enrolments' events: what eligibility is decided on. Enrolment events
 * carry no revision, so the copy orders them by the lifecycle itself: an ending (cancelled, completed, not completed)
 * is never undone by a confirmation that arrives after it.
 */
@Entity({ name: 'enrolment_fact' })
@Index(['schoolId'])
@Index(['teacherId'])
@Index(['offerId'])
export class EnrolmentFactEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  /** The platform's pseudonymous teacher id: the caps per participant count per teacher. */
  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  /** BRIN + location of the teacher's school; null when the event did not name it. */
  @Column({ name: 'school_id', type: 'text', nullable: true })
  schoolId: string | null;

  @Column({ type: 'text', default: '' })
  sector: string;

  /** The run's price per participant: the tuition cost. */
  @Column({ name: 'price_cents', type: 'bigint', default: 0, transformer: CENTS })
  priceCents: number;

  /** `confirmed`, `cancelled`, `completed` or `not-completed`. */
  @Column({ type: 'text' })
  status: string;

  /** The day the teacher got their place (Europe/Amsterdam): it chooses the rule version and the mark that counts. */
  @Column({ name: 'enrolled_on', type: 'date', nullable: true })
  enrolledOn: string | null;

  @Column({ type: 'boolean', default: false })
  started: boolean;

  @Column({ name: 'sessions_attended', type: 'integer', nullable: true })
  sessionsAttended: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
