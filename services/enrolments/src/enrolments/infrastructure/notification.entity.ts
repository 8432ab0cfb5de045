import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A message for a teacher about their enrolment (promoted from the waiting list, run cancelled); Dutch text. */
@Entity({ name: 'notification' })
@Index('IDX_notification_teacher', ['teacherId', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @Column({ name: 'enrolment_id', type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @Column({ type: 'text' })
  kind: 'promoted' | 'cancelled';

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
