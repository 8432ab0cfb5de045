/**
 * Burst benchmark of enrolling: boots the enrolments service (HTTP, Postgres, outbox) against a scratch database,
 * feeds it runs through a scratch catalogue outbox over Kafka, and fires a burst of enrolments over HTTP.
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/enrolments-burst.ts [total] [runs] [concurrency] [capacity]
 * Prints enrolments/s and latency percentiles, and checks that no run was overbooked.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CatalogueEvents, Sector } from '@napl/contracts';
import { createKafka, MessagingTablesMigration, OutboxRelay, publishInTransaction } from '@napl/messaging';
import { dropTestDatabase, eventually, newTestDatabaseUrl, newTopicPrefix, openServiceDataSource, startTestService, testInfraFromEnv } from '@napl/testing';
import { EnrolmentsConfig } from '../../services/enrolments/src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../../services/enrolments/src/enrolments.description';
import { EnrolmentsModule } from '../../services/enrolments/src/enrolments.module';
import { KnownRunEntity } from '../../services/enrolments/src/runs/infrastructure/known-run.entity';
import { registerSchools, UTRECHT_SCHOOL } from '../../services/enrolments/test/support/test-schools';

class CatalogueOutbox1764050000000 extends MessagingTablesMigration {}

const [total, runCount, concurrency, capacity] = process.argv.slice(2).map(Number);
const TOTAL = total || 1000;
const RUNS = runCount || 10;
const CONCURRENCY = concurrency || 50;
const CAPACITY = capacity || 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const topicPrefix = newTopicPrefix();
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'bench');
  const service = await startTestService({
    description: ENROLMENTS_SERVICE,
    configClass: EnrolmentsConfig,
    module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
    databaseUrl,
    topicPrefix,
    env: { PARTICIPATION_SCHEDULER_INTERVAL_MS: '0' },
  });
  const catalogueDb = await openServiceDataSource('catalogue', databaseUrl, [], [CatalogueOutbox1764050000000]);
  const relay = new OutboxRelay(catalogueDb, createKafka({ clientId: 'bench-catalogue', brokers: service.config.kafkaBrokers, topicPrefix }).producer(), {
    service: 'catalogue',
    topicPrefix,
    pollIntervalMs: 50,
  });
  relay.start();
  try {
    await service.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`;

    const offerId = randomUUID();
    const runIds = Array.from({ length: RUNS }, () => randomUUID());
    await catalogueDb.transaction(async (manager) => {
      await publishInTransaction(manager, CatalogueEvents.OfferPublished, offerId, {
        offer: { offerId, version: 1, providerId: randomUUID(), title: 'Bench', sectors: [Sector.PO], priceCents: 10_000n },
      });
      for (const runId of runIds) {
        await publishInTransaction(manager, CatalogueEvents.RunScheduled, runId, {
          run: {
            runId, offerId, offerVersion: 1, providerId: randomUUID(), startDate: '2030-02-01', endDate: '2030-06-30',
            enrolmentDeadline: timestampFromDate(new Date('2030-01-15T00:00:00Z')), capacity: CAPACITY, priceCents: 10_000n, sessionCount: 4,
          },
        });
      }
    });
    await eventually(async () => ((await service.dataSource.getRepository(KnownRunEntity).count()) === RUNS ? true : undefined), 30_000, 'runs');

    // Teachers (and their school) are registered before the clock starts: the burst measures enrolling only.
    await registerSchools(service, UTRECHT_SCHOOL);
    const tokens: string[] = [];
    for (let i = 0; i < TOTAL; i += 50) {
      tokens.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, TOTAL - i) }, async () => {
            const token = await service.tokenFor({ subject: randomUUID(), roles: ['teacher'], teacherId: randomUUID(), schoolId: '12AB00' });
            const response = await fetch(`${baseUrl}/v1/teachers/me`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ sector: 'po' }),
            });
            if (response.status !== 201) throw new Error(`registering: ${response.status}`);
            return token;
          }),
        )),
      );
    }

    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < TOTAL) {
          const index = next++;
          const begin = performance.now();
          const response = await fetch(`${baseUrl}/v1/runs/${runIds[index % RUNS]}/enrolments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[index]}`, 'idempotency-key': `bench-${index}` },
          });
          const body = (await response.json()) as { status?: string };
          latencies.push(performance.now() - begin);
          const outcome = response.status === 201 ? body.status! : `HTTP ${response.status}`;
          statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const [overbooked] = await service.dataSource.query(
      `SELECT count(*)::int AS runs FROM (SELECT e.run_id FROM enrolments.enrolment e JOIN enrolments.known_run r USING (run_id)
        WHERE e.status = 'confirmed' GROUP BY e.run_id, r.capacity HAVING count(*) > r.capacity) o`,
    );
    console.log(`enrolments burst: ${TOTAL} enrolments over ${RUNS} runs (capacity ${CAPACITY} each), concurrency ${CONCURRENCY}, DB pool ${service.config.DATABASE_POOL_SIZE}`);
    console.log(`  outcomes: ${[...statuses].map(([status, count]) => `${status} ${count}`).join(', ')}; overbooked runs: ${overbooked.runs}`);
    console.log(`  throughput: ${(TOTAL / seconds).toFixed(0)} enrolments/s (${seconds.toFixed(2)} s)`);
    console.log(`  latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${latencies[latencies.length - 1].toFixed(1)}`);
    if (overbooked.runs > 0) process.exitCode = 1;
  } finally {
    await relay.stop();
    await catalogueDb.destroy();
    await service.close();
    await dropTestDatabase(databaseUrl);
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
