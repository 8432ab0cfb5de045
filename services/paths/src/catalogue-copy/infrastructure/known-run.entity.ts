import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The paths service's copy of a catalogue run: when and where, and its places, for suggestions. */
@Entity({ name: 'known_run' })
@Index(['offerId'])
export class KnownRunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'enrolment_deadline', type: 'timestamptz', nullable: true })
  enrolmentDeadline: Date | null;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ type: 'text' })
  status: 'scheduled' | 'cancelled';

  @Column({ name: 'source_version', type: 'timestamptz' })
  sourceVersion: Date;

  @Column({ name: 'source_revision', type: 'bigint', default: 0 })
  sourceRevision: string;
}
