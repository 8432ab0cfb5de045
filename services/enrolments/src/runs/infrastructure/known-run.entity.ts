import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The enrolments service's own copy of a catalogue run, fed by catalogue events, so that enrolling never
 * waits on the catalogue. `source_revision` is the catalogue's revision of the run in the last applied event, so an
 * older change arriving late does not overwrite a newer one; `source_version` is that event's time, which orders
 * events from before revisions (see @napl/persistence source-order).
 */
@Entity({ name: 'known_run' })
export class KnownRunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'enrolment_deadline', type: 'timestamptz', nullable: true })
  enrolmentDeadline: Date | null;

  @Column({ type: 'integer' })
  capacity: number;

  /** Number of sessions; attendance is recorded per session (0 when the catalogue did not say). */
  @Column({ name: 'session_count', type: 'integer', default: 0 })
  sessionCount: number;

  @Column({ name: 'price_cents', type: 'bigint' })
  priceCents: string;

  @Column({ type: 'text' })
  status: 'scheduled' | 'cancelled';

  @Column({ name: 'source_version', type: 'timestamptz' })
  sourceVersion: Date;

  /** 0 while only events without a revision were applied. */
  @Column({ name: 'source_revision', type: 'bigint', default: 0 })
  sourceRevision: string;
}
