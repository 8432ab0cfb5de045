import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TopicProgress } from '../domain/rebuild-progress';

/**
 * One rebuild of the read models, with its progress as last reported. It stays in the live schema when the rebuilt
 * tables take over (it is not a read model), so the run that switched can say so in the same transaction.
 */
@Entity({ name: 'rebuild_run' })
// One rebuild at a time, across the service's instances.
@Index('rebuild_run_one_running_idx', ['status'], { unique: true, where: `status = 'running'` })
export class RebuildRunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  /** running, switched (the rebuilt tables are live), failed, or abandoned (its process stopped reporting). */
  @Column({ type: 'text' })
  status: string;

  /** preparing (fresh tables), reading (from the start of the topics), switching, done. */
  @Column({ type: 'text' })
  phase: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** Renewed while the run goes on; a running run that stopped renewing it is abandoned. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz' })
  heartbeatAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'events_applied', type: 'bigint', default: 0, transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  eventsApplied: number;

  /** Per topic: offsets read and end offsets, summed over its partitions. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  progress: TopicProgress[];

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
