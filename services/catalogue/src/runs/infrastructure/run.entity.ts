import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';
import { REVISION } from '../../shared/revision';
import type { Session } from '../domain/run-rules';

export type RunStatus = 'scheduled' | 'cancelled';

/** A run (uitvoering) of a published offer version: when, where, how many. */
@Entity({ name: 'run' })
@Index('run_offer_start_idx', ['offerId', 'startDate'])
// Search's indexes over scheduled runs (INCLUDE columns, so created by hand in SearchListing1796100000200); declared
// here so the schema check knows them.
@Index('run_upcoming_idx', { synchronize: false })
@Index('run_offer_upcoming_idx', { synchronize: false })
export class RunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  /** The offer version published when the run was scheduled: the content its participants enrol in. */
  @Column({ name: 'offer_version', type: 'integer' })
  offerVersion: number;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'jsonb' })
  sessions: Session[];

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'integer' })
  capacity: number;

  /** Enrolments holding a place, from the enrolments service's events (see run_enrolment); internal, for search. */
  @Column({ name: 'places_taken', type: 'integer', default: 0 })
  placesTaken: number;

  @Column({ name: 'enrolment_deadline', type: 'timestamptz', nullable: true })
  enrolmentDeadline: Date | null;

  /** Null: the offer's price applies. */
  @Column({ name: 'price_cents', type: 'bigint', nullable: true, transformer: CENTS })
  priceCents: number | null;

  @Column({ type: 'text' })
  status: RunStatus;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** One more for every event published about this run, which carries it (see shared/revision.ts); internal. */
  @Column({ type: 'bigint', default: 0, transformer: REVISION })
  revision: number;
}
