import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only record of every score, decision and change: who (the principal's subject, or `system`), when and
 * why. A trigger in the migration refuses updates and deletes, so history cannot be rewritten.
 */
@Entity({ name: 'history_entry' })
@Index('IDX_history_entry_offer', ['offerId', 'recordedAt'])
@Index('IDX_history_entry_subject', ['subjectType', 'subjectId'])
export class HistoryEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'offer_id', type: 'uuid', nullable: true })
  offerId: string | null;

  /** `framework`, `assessment`, `mark`, `assessor-link` or `offer`. */
  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  /** What happened, e.g. `criterion-scored`, `decision-proposed`, `mark-revoked`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's insert types reject unknown in jsonb
  details: Record<string, any>;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /**
   * The order entries were written in: the entries of one transaction share their time, and history is read back
   * (a page at a time) by time and then this. A string, as Postgres' bigint reaches JavaScript.
   */
  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;
}
