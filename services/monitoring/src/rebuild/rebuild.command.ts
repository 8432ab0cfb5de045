import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { pendingServiceMigrations } from '@napl/persistence';
import { loadConfig } from '@napl/service-kit';
import { MonitoringConfig } from '../monitoring.config';
import { MonitoringModule } from '../monitoring.module';
import { RebuildRuns } from './application/rebuild-runs.query';
import { StartRebuild } from './application/start-rebuild';

/**
 * `node services/monitoring/dist/main.js rebuild`: rebuilds every read model in this process, next to the running
 * service (which goes on serving the figures and consuming), prints the progress, and exits 0 once the rebuilt tables
 * are live, 1 otherwise. The same as POST /v1/rebuilds, for an operator or a Job, and for the benchmark.
 */
export async function runRebuildCommand(): Promise<void> {
  const logger = new Logger('monitoring rebuild');
  let code = 1;
  try {
    const config = loadConfig(MonitoringConfig);
    const app = await NestFactory.create(MonitoringModule.forRoot(config), { logger: ['error', 'warn', 'log'], abortOnError: false });
    const dataSource = app.get(DataSource);
    try {
      const pending = await pendingServiceMigrations(dataSource);
      if (pending.length > 0) throw new Error(`pending migrations (${pending.join(', ')}): migrate first`);
      const started = Date.now();
      const starter = app.get(StartRebuild);
      const runs = app.get(RebuildRuns);
      const finished = starter.runToEnd('command');
      const progress = setInterval(() => {
        void runs.latest(1).then(([run]) => {
          const read = run.topics.reduce((sum, topic) => sum + topic.offsetsRead, 0);
          const end = run.topics.reduce((sum, topic) => sum + topic.endOffsets, 0);
          logger.log(`${run.phase}: ${run.eventsApplied} events applied; offsets read ${read} of ${end}`);
        });
      }, 5_000);
      const run = await finished.finally(() => clearInterval(progress));
      const seconds = (Date.now() - started) / 1000;
      const cpu = process.cpuUsage();
      logger.log(
        `rebuild ${run.runId}: ${run.status} after ${seconds.toFixed(1)} s, ${run.eventsApplied} events applied, ` +
          `cpu_ms=${Math.round((cpu.user + cpu.system) / 1000)}${run.error ? `: ${run.error}` : ''}`,
      );
      for (const topic of run.topics) logger.log(`  ${topic.topic}: offsets read ${topic.offsetsRead} of ${topic.endOffsets}`);
      code = run.status === 'switched' ? 0 : 1;
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    logger.error(`rebuild failed: ${(error as Error).message}`);
  }
  process.exit(code);
}
