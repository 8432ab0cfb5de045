import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per enrolment, each lifecycle event filling in its own moment. The columns are independent, so a
 * completion that arrives before its confirmation gives the same row as in order, and a replay sets the same values.
 */
@Entity({ name: 'enrolment_fact' })
@Index(['confirmedAt'])
export class EnrolmentFactEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'text' })
  enrolmentId: string;

  @Column({ name: 'teacher_id', type: 'text' })
  teacherId: string;

  @Column({ name: 'offer_id', type: 'text' })
  offerId: string;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ name: 'region_id', type: 'text', nullable: true })
  regionId: string | null;

  /** When the teacher got a place (confirmed, or promoted from the waiting list). */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** When the provider recorded that the teacher did not complete (drop-out). */
  @Column({ name: 'not_completed_at', type: 'timestamptz', nullable: true })
  notCompletedAt: Date | null;
}
