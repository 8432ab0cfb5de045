import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One enrolment in a run as the enrolments service announced it, only to count places taken (no teacher data:
 * the enrolments service owns who enrolled). A row per enrolment makes redelivery and late events harmless.
 */
@Entity({ name: 'run_enrolment' })
@Index('run_enrolment_run_idx', ['runId'])
export class RunEnrolmentEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'holds_place', type: 'boolean' })
  holdsPlace: boolean;

  @Column({ type: 'boolean' })
  cancelled: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
