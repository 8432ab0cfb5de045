import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A run's number of sessions, from the catalogue's events: attendance is sessions attended out of these. */
@Entity({ name: 'known_run' })
export class KnownRunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'session_count', type: 'integer' })
  sessionCount: number;

  /** The run's revision in the catalogue and the event time of the last event applied (see @napl/persistence source-order). */
  @Column({ name: 'source_revision', type: 'bigint', default: 0 })
  sourceRevision: string;

  @Column({ name: 'source_version', type: 'timestamptz' })
  sourceVersion: Date;
}
