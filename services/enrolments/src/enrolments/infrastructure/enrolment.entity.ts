import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SectorCode } from '../../teachers/domain/teacher';
import type { CancellationCauseCode, EnrolmentStatus, NotCompletedReasonCode } from '../domain/enrolment-rules';

/**
 * One teacher's enrolment in one run. School, region and sector are copied at enrolment, so the events and
 * the school leader's view stay as they were when the teacher enrolled.
 */
@Entity({ name: 'enrolment' })
// One active enrolment per teacher per run; a cancelled one does not block enrolling again.
@Index('UQ_enrolment_active_teacher_run', ['teacherId', 'runId'], { unique: true, where: `"status" <> 'cancelled'` })
// A repeated request with the same Idempotency-Key finds the original enrolment.
@Index('UQ_enrolment_teacher_idempotency_key', ['teacherId', 'idempotencyKey'], { unique: true, where: `"idempotency_key" IS NOT NULL` })
@Index('IDX_enrolment_run_arrival', ['runId', 'arrivalNumber'])
@Index('IDX_enrolment_school', ['schoolId'])
export class EnrolmentEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ type: 'text' })
  status: EnrolmentStatus;

  /** Order of arrival within the run (taken under the run's row lock); the waiting list follows it. */
  @Column({ name: 'arrival_number', type: 'integer' })
  arrivalNumber: number;

  @Column({ name: 'school_id', type: 'text' })
  schoolId: string;

  @Column({ name: 'region_id', type: 'text' })
  regionId: string;

  /** The teacher's sector at enrolment; null when they had not set it yet (events: SECTOR_UNSPECIFIED). */
  @Column({ type: 'text', nullable: true })
  sector: SectorCode | null;

  @Column({ name: 'team_enrolment_id', type: 'uuid', nullable: true })
  teamEnrolmentId: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancellation_cause', type: 'text', nullable: true })
  cancellationCause: CancellationCauseCode | null;

  @Column({ name: 'participation_started_on', type: 'date', nullable: true })
  participationStartedOn: string | null;

  @Column({ name: 'result_recorded_at', type: 'timestamptz', nullable: true })
  resultRecordedAt: Date | null;

  @Column({ name: 'not_completed_reason_code', type: 'text', nullable: true })
  notCompletedReasonCode: NotCompletedReasonCode | null;

  /**
   * The provider's own explanation, if it gave one: free text about the teacher (possibly health information). It
   * never leaves this service in an event, is shown only to the teacher, the run's provider and admins, and is
   * cleared when the teacher's personal data is erased.
   */
  @Column({ name: 'not_completed_reason', type: 'text', nullable: true })
  notCompletedReason: string | null;
}
