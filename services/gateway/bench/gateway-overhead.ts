/**
 * What the gateway adds to a request, on the enrolment route under an enrolment burst:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register services/gateway/bench/gateway-overhead.ts [teachers] [concurrency] [rounds]
 * (defaults 300 50 3). Needs the compiled gateway and enrolments (`npx nx run-many -t build -p gateway enrolments`),
 * Postgres and Kafka.
 *
 * Starts the enrolments service and the gateway (each its own process, on a scratch database), then fires bursts of
 * POST /v1/runs/{runId}/enrolments, one per teacher, each teacher with a token of their own, `concurrency` in flight:
 * alternately straight at the service and through the gateway (/api/enrolments/...), `rounds` times each, and prints
 * the latency percentiles of both and the difference. The run is one no teacher can enrol in (unknown to the
 * service), so every request takes the same short path through the service: what differs is the gateway (token
 * check, rate limit upsert, platform token, forwarding, audit row).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@napl/auth';
import { freePort } from '@napl/testing';
import { startGateway, startServiceProcess } from '../test/support/gateway-process';

const [teacherArg, concurrencyArg, roundsArg] = process.argv.slice(2).map(Number);
const TEACHERS = teacherArg || 300;
const CONCURRENCY = concurrencyArg || 50;
const ROUNDS = roundsArg || 3;

const teacher = (n: number): Principal => ({
  subject: `bench-teacher-${n}`,
  roles: ['teacher'],
  teacherId: randomUUID(),
  schoolId: '12AB00',
});

async function burst(url: string, tokens: readonly string[]): Promise<{ latencies: number[]; statuses: Map<number, number> }> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, statuses };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const enrolmentsPort = await freePort();
  const gateway = await startGateway({
    ENROLMENTS_URL: `http://127.0.0.1:${enrolmentsPort}`,
    // Each teacher enrols once per round through the gateway; the limit is not what is measured.
    RATE_LIMIT_ENROLMENT: String(ROUNDS * 2 + 10),
  });
  const enrolments = await startServiceProcess('enrolments', enrolmentsPort, {
    DATABASE_URL: gateway.databaseUrl,
    AUTH_DEV_KEYS_DIR: gateway.keysDir,
    PARTICIPATION_SCHEDULER_INTERVAL_MS: '0',
  });
  try {
    const tokens = await Promise.all(Array.from({ length: TEACHERS }, (_, n) => gateway.tokenFor(teacher(n))));
    const path = `/v1/runs/${randomUUID()}/enrolments`;
    const targets = { direct: `${enrolments.url}${path}`, gateway: `${gateway.url}/api/enrolments${path}` };
    // Warm up both paths (connections, JIT, token caches), not counted.
    await burst(targets.direct, tokens.slice(0, CONCURRENCY));
    await burst(targets.gateway, tokens.slice(0, CONCURRENCY));
    const results = { direct: [] as number[], gateway: [] as number[] };
    const statuses = { direct: new Map<number, number>(), gateway: new Map<number, number>() };
    for (let round = 0; round < ROUNDS; round++) {
      for (const via of ['direct', 'gateway'] as const) {
        const outcome = await burst(targets[via], tokens);
        results[via].push(...outcome.latencies);
        for (const [status, count] of outcome.statuses) statuses[via].set(status, (statuses[via].get(status) ?? 0) + count);
      }
    }
    const line = (via: 'direct' | 'gateway') => {
      const sorted = [...results[via]].sort((a, b) => a - b);
      return { via, requests: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), statuses: Object.fromEntries(statuses[via]) };
    };
    const direct = line('direct');
    const through = line('gateway');
    console.log(`enrolment route, ${TEACHERS} teachers per burst, ${CONCURRENCY} in flight, ${ROUNDS} rounds each way (ms):`);
    for (const row of [direct, through]) {
      console.log(`  ${row.via.padEnd(8)} n=${row.requests} p50=${row.p50.toFixed(1)} p90=${row.p90.toFixed(1)} p99=${row.p99.toFixed(1)} statuses=${JSON.stringify(row.statuses)}`);
    }
    console.log(`  added by the gateway: p50 +${(through.p50 - direct.p50).toFixed(1)} ms, p99 +${(through.p99 - direct.p99).toFixed(1)} ms`);
  } finally {
    await enrolments.stop();
    await gateway.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
