import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { RebuildError } from '../domain/rebuild.errors';
import { RebuildRunEntity } from '../infrastructure/rebuild-run.entity';
import { EventHandlerMethods } from './event-handler-methods';
import { ReadModelRebuild, type RebuildReport } from './read-model-rebuild';
import { viewOf, type RebuildRunView } from './rebuild-runs.query';
import { ABANDONED_AFTER_SECONDS, REBUILD_OPTIONS, type RebuildOptions } from './rebuild-settings';

/**
 * Starts a rebuild of every read model, in the background of this process: the ministry's request returns at once
 * with the run, whose progress GET /v1/rebuilds/{runId} shows. One at a time across the instances (a unique index);
 * a run whose process died stops renewing its heartbeat and is taken as abandoned by the next start.
 */
@Injectable()
export class StartRebuild implements OnApplicationShutdown {
  private readonly logger = new Logger('StartRebuild');
  private running?: { readonly runId: string; readonly rebuild: ReadModelRebuild; readonly done: Promise<RebuildRunView> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: EventHandlerMethods,
    @Inject(REBUILD_OPTIONS) private readonly options: RebuildOptions,
  ) {}

  async start(requestedBy: string): Promise<RebuildRunView> {
    const run = await this.claim(requestedBy);
    const rebuild = new ReadModelRebuild(this.dataSource, this.handlers.byEventType(), this.options, {
      report: (report) => this.record(run.runId, report),
      switched: (manager, report) => this.finish(manager, run.runId, 'switched', report, null),
    });
    const done = rebuild
      .run()
      .catch(async (error: Error) => {
        this.logger.error(`Rebuild ${run.runId} failed: ${error.stack ?? error.message}`);
        await this.finish(this.dataSource.manager, run.runId, 'failed', undefined, error.message).catch(() => undefined);
      })
      // The outcome as recorded; if the database is gone meanwhile (the service stops), the run as it started.
      .then(() => this.view(run.runId).catch(() => viewOf(run)));
    this.running = { runId: run.runId, rebuild, done };
    void done.finally(() => {
      if (this.running?.runId === run.runId) this.running = undefined;
    });
    return viewOf(run);
  }

  /** Starts a rebuild and waits for its end (the `rebuild` command). */
  async runToEnd(requestedBy: string): Promise<RebuildRunView> {
    const started = await this.start(requestedBy);
    return this.running?.runId === started.runId ? this.running.done : this.view(started.runId);
  }

  async onApplicationShutdown(): Promise<void> {
    const running = this.running;
    if (!running) return;
    await running.rebuild.stop();
    await running.done;
  }

  private async claim(requestedBy: string): Promise<RebuildRunEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const runs = manager.getRepository(RebuildRunEntity);
      await manager.query(
        `UPDATE ${runs.metadata.tablePath} SET status = 'abandoned', finished_at = now()
         WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)`,
        [ABANDONED_AFTER_SECONDS],
      );
      const now = new Date();
      const run = runs.create({ runId: randomUUID(), status: 'running', phase: 'preparing', requestedBy, startedAt: now, heartbeatAt: now, finishedAt: null, eventsApplied: 0, progress: [], error: null });
      const [inserted] = await manager.query(
        `INSERT INTO ${runs.metadata.tablePath} (run_id, status, phase, requested_by, started_at, heartbeat_at, events_applied, progress)
         VALUES ($1, 'running', 'preparing', $2, $3, $3, 0, '[]') ON CONFLICT DO NOTHING RETURNING run_id`,
        [run.runId, requestedBy, now],
      );
      if (!inserted) {
        const current = await runs.findOneByOrFail({ status: 'running' });
        throw new RebuildError('REBUILD_RUNNING', 'conflict', 'Er loopt al een herbouw van de cijfers; volg die of wacht tot hij klaar is.', { runId: current.runId });
      }
      return run;
    });
  }

  private async record(runId: string, report: RebuildReport): Promise<void> {
    await this.dataSource
      .getRepository(RebuildRunEntity)
      .update({ runId, status: 'running' }, { phase: report.phase, eventsApplied: report.eventsApplied, progress: report.topics, heartbeatAt: new Date() });
  }

  private async finish(manager: EntityManager, runId: string, status: 'switched' | 'failed', report: RebuildReport | undefined, error: string | null): Promise<void> {
    await manager.getRepository(RebuildRunEntity).update(
      { runId },
      { status, phase: report?.phase ?? 'done', finishedAt: new Date(), error, heartbeatAt: new Date(), ...(report ? { eventsApplied: report.eventsApplied, progress: report.topics } : {}) },
    );
  }

  private async view(runId: string): Promise<RebuildRunView> {
    return viewOf(await this.dataSource.getRepository(RebuildRunEntity).findOneByOrFail({ runId }));
  }
}
