import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A teacher's completed run, once per enrolment (the primary key makes a redelivered or replayed EnrolmentCompleted a
 * no-op). What it counts for is read with it, not stored: the hours and steps of the offer version the teacher
 * enrolled in, and only when the offer held a valid quality mark at the completion (teacher-paths/application/
 * progress-reader.ts). So a completion that arrives before the offer's or the mark's events counts once they arrive,
 * and it counts toward every path of the teacher that has those steps.
 */
@Entity({ name: 'credited_completion' })
@Index(['teacherId'])
@Index(['offerId'])
export class CreditedCompletionEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'teacher_id', type: 'text' })
  teacherId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}
