import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether the teacher of an enrolment attended one session of the run, as the provider recorded it. */
@Entity({ name: 'attendance' })
export class AttendanceEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @PrimaryColumn({ name: 'session_number', type: 'integer' })
  sessionNumber: number;

  @Column({ type: 'boolean' })
  attended: boolean;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
