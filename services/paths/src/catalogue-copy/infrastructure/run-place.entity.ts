import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Whether an enrolment holds a place in its run, from the enrolments service's events; places left = capacity minus
 * the enrolments holding one. One row per enrolment, and a cancellation is final, so the count is right whatever the
 * order and however often the events arrive.
 */
@Entity({ name: 'run_place' })
@Index(['runId'])
export class RunPlaceEntity {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'holds_place', type: 'boolean' })
  holdsPlace: boolean;

  @Column({ type: 'boolean', default: false })
  cancelled: boolean;
}
