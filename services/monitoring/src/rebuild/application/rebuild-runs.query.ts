import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RebuildError } from '../domain/rebuild.errors';
import type { TopicProgress } from '../domain/rebuild-progress';
import { RebuildRunEntity } from '../infrastructure/rebuild-run.entity';
import { ABANDONED_AFTER_SECONDS } from './rebuild-settings';

export interface RebuildRunView {
  readonly runId: string;
  /** running, switched, failed or abandoned. */
  readonly status: string;
  readonly phase: string;
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly eventsApplied: number;
  readonly topics: TopicProgress[];
  readonly error: string | null;
}

export function viewOf(run: RebuildRunEntity): RebuildRunView {
  // A run whose process stopped reporting is shown as abandoned before the next start records it so.
  const stale = run.status === 'running' && Date.now() - run.heartbeatAt.getTime() > ABANDONED_AFTER_SECONDS * 1000;
  return {
    runId: run.runId,
    status: stale ? 'abandoned' : run.status,
    phase: run.phase,
    requestedBy: run.requestedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    eventsApplied: run.eventsApplied,
    topics: run.progress,
    error: run.error,
  };
}

/** The rebuilds of the read models, newest first, and one by id: progress per topic as last reported. */
@Injectable()
export class RebuildRuns {
  constructor(private readonly dataSource: DataSource) {}

  async latest(limit: number): Promise<RebuildRunView[]> {
    const runs = await this.dataSource.getRepository(RebuildRunEntity).find({ order: { startedAt: 'DESC' }, take: limit });
    return runs.map(viewOf);
  }

  async get(runId: string): Promise<RebuildRunView> {
    const run = await this.dataSource.getRepository(RebuildRunEntity).findOneBy({ runId });
    if (!run) throw new RebuildError('REBUILD_NOT_FOUND', 'not-found', 'Deze herbouw bestaat niet.');
    return viewOf(run);
  }
}
