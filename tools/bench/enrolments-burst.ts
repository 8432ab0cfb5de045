/**
 * Burst benchmark of enrolling, against the service as it runs and next to what Postgres does with the same
 * transaction:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/enrolments-burst.ts [total] [runs] [concurrency] [capacity] [replicas]
 * (defaults 1000 10 50 60 2; 300 teachers into one run at once: 300 1 300 60). Two replicas, as deploy/k8s runs
 * every service; with 1 the figures are those of a single process. Needs the compiled service
 * (`NX_DAEMON=false npx nx run enrolments:build`), Postgres, Kafka, and pgbench for the comparison.
 *
 * 1. Starts services/enrolments/dist/main.js (`replicas` times: processes sharing the database and consumer group) as its own process (NODE_ENV=test settings, LOG_LEVEL=warn) on a scratch
 *    database and topics; DATABASE_POOL_SIZE passes through when set, else the service's default holds.
 * 2. Feeds it an offer and `runs` runs the way the catalogue does: OfferPublished and RunScheduled on Kafka, which its
 *    consumer applies to known_offer / known_run.
 * 3. Registers the school (PUT /v1/schools/{id}, as ministerie-ocw) and `total` teachers, each with a token of their
 *    own (the dev issuer's keys in a scratch folder); all before the clock starts.
 * 4. Fires the burst from a separate process (enrolments-burst/load.ts, autocannon): one POST /v1/runs/{id}/enrolments
 *    per teacher, `concurrency` connections with one request each in flight, runs taken round robin.
 * 5. Checks with SQL: no run overbooked (confirmed ≤ capacity), the first arrivals confirmed, arrival numbers 1..n, and
 *    one event per enrolment whose payload is what the contract encodes (waiting-list positions included).
 * 6. Stops the service (with BENCH_CPU_PROFILE_DIR=<dir> each replica writes a CPU profile of the burst there, see
 *    tools/bench/cpu-profile.cjs), then runs pgbench on the same tables with the same transaction in SQL: as separate statements
 *    (enrolments-burst/enrol-steps.sql, the service's transaction before issue 10), the one call of place_enrolment
 *    alone (enrol-function.sql), and exactly the two statements the service sends per enrolment now: the read of the
 *    placement facts, then that call (enrol-service.sql, the like-for-like baseline); over as many fresh runs of the same capacity and about as many enrolments, with
 *    as many clients as the burst had (as far as Postgres has connections free) and as the service's DB pool has.
 *    Prints each median and the service's throughput over it.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Client } from 'pg';
import { DEMO_ACCOUNTS, DevIssuer } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents, Sector } from '@napl/contracts';
import { loadConfig } from '@napl/service-kit';
import {
  amsterdamTimestamp,
  deleteTopicsWithPrefix,
  dropTestDatabase,
  EventPublisher,
  isoDateInDays,
  newTestDatabaseUrl,
  newTopicPrefix,
  testInfraFromEnv,
} from '@napl/testing';
import { EnrolmentsConfig } from '../../services/enrolments/src/enrolments.config';
import { startServiceProcess, testServiceEnv } from '../demo/e2e/service-processes';
import type { Burst, BurstResult } from './enrolments-burst/load';

const [total, runCount, concurrency, capacity, replicaCount] = process.argv.slice(2).map(Number);
const TOTAL = total || 1000;
const RUNS = runCount || 10;
const CONCURRENCY = concurrency || 50;
const CAPACITY = capacity || 60;
const REPLICAS = replicaCount || 2;
/** pgbench's few hundred transactions take well under a second: the median of a few runs is steadier. */
const PGBENCH_REPEATS = 3;
const SCHOOL = { schoolId: '12AB00', name: 'OBS De Regenboog', regionId: 'utrecht-stad', regionName: 'Utrecht Stad' };

async function main(): Promise<void> {
  const infra = testInfraFromEnv();
  const databaseUrl = newTestDatabaseUrl(infra, 'bench');
  const topicPrefix = newTopicPrefix();
  const keysDir = mkdtempSync(join(tmpdir(), 'napl-bench-keys-'));
  const issuer = await DevIssuer.fromDirectory(keysDir);
  const poolEnv: Record<string, string> = process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {};
  const poolSize = loadConfig(EnrolmentsConfig, poolEnv).DATABASE_POOL_SIZE;
  const env = testServiceEnv(
    { databaseUrl, topicPrefix, keysDir, kafkaBrokers: infra.kafkaBrokers },
    { LOG_LEVEL: 'warn', PARTICIPATION_SCHEDULER_INTERVAL_MS: '0', ...poolEnv },
  );
  const nodeArgs = process.env.BENCH_CPU_PROFILE_DIR ? ['-r', join(__dirname, 'cpu-profile.cjs')] : [];
  // One at a time: the first runs the migrations, the next finds them done.
  const replicas = [await startServiceProcess('enrolments', env, undefined, nodeArgs)];
  while (replicas.length < REPLICAS) replicas.push(await startServiceProcess('enrolments', env, undefined, nodeArgs));
  let stopping: Promise<unknown> | undefined;
  // Once: stop() waits for an exit, which a second call would wait for in vain.
  const stopService = () => (stopping ??= Promise.all(replicas.map((replica) => replica.stop())));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const runIds = await scheduleRuns(infra.kafkaBrokers, topicPrefix, db);
    const tokens = await registerTeachers(replicas[0].url, issuer);
    const burst: Burst = {
      urls: replicas.map((replica) => replica.url),
      connections: CONCURRENCY,
      requests: tokens.map((token, index) => ({ path: `/v1/runs/${runIds[index % RUNS]}/enrolments`, token, idempotencyKey: `bench-${index}` })),
    };
    if (process.env.BENCH_CPU_PROFILE_DIR) for (const replica of replicas) process.kill(replica.pid, 'SIGURG'); // profile the burst only
    const cpuBefore = replicas.reduce((sum, replica) => sum + replica.cpuMs(), 0);
    const result = await fire(burst);
    // The service's own CPU per enrolment: unlike throughput, hardly moved by other load on the machine.
    const cpuPerEnrolment = (replicas.reduce((sum, replica) => sum + replica.cpuMs(), 0) - cpuBefore) / TOTAL;
    const check = await checkOutcome(db);
    await stopService();

    const throughput = TOTAL / result.seconds;
    console.log(`enrolments burst: ${TOTAL} teachers over ${RUNS} run(s) (capacity ${CAPACITY} each), ${CONCURRENCY} concurrent (autocannon, own process); service: compiled, ${REPLICAS} replica process(es), DB pool ${poolSize} each`);
    console.log(`  HTTP: ${Object.entries(result.statusCodes).map(([code, count]) => `${code} ×${count}`).join(', ')}; errors ${result.errors}, timeouts ${result.timeouts}`);
    console.log(`  outcomes: ${check.summary}; overbooked runs: ${check.overbooked}; ${check.problems.length === 0 ? 'arrival order and events: ok' : `PROBLEMS: ${check.problems.join('; ')}`}`);
    console.log(`  throughput: ${throughput.toFixed(0)} enrolments/s (${result.seconds.toFixed(2)} s)`);
    console.log(`  service CPU: ${cpuPerEnrolment.toFixed(2)} ms per enrolment (user + system, all replicas)`);
    console.log(`  latency ms: p50 ${result.latencyMs.p50}, p90 ${result.latencyMs.p90}, p99 ${result.latencyMs.p99}, max ${result.latencyMs.max}`);

    // pgbench at the burst's concurrency (as far as Postgres has connections free), and at the replicas' pool size in all.
    const free = await freeConnections(db);
    const concurrencies = [...new Set([Math.min(CONCURRENCY, free), Math.min(REPLICAS * poolSize, free)])];
    console.log(
      `  pgbench, the same transaction on the same tables, ~${TOTAL} transactions over ${RUNS} run(s), median of ${PGBENCH_REPEATS}` +
        (free < CONCURRENCY ? ` (at most ${free} clients: Postgres's free connections)` : '') +
        ':',
    );
    let base = 0;
    for (const [script, label] of [
      ['enrol-steps.sql', 'as statements (BEGIN; lock; count; insert; outbox; COMMIT)'],
      ['enrol-function.sql', 'the one call of place_enrolment alone'],
      ['enrol-service.sql', 'as the service runs it now (facts read, then place_enrolment)'],
    ] as const) {
      const cells: string[] = [];
      for (const clients of concurrencies) {
        const measured: number[] = [];
        let missing: string | undefined;
        for (let repeat = 0; repeat < PGBENCH_REPEATS && !missing; repeat++) {
          base += 1000;
          const tps = await pgbench(db, databaseUrl, script, base, clients, Math.ceil(TOTAL / clients));
          if (typeof tps === 'string') missing = tps;
          else measured.push(tps);
        }
        const tps = measured.sort((a, b) => a - b)[Math.floor(measured.length / 2)];
        cells.push(missing ?? `${clients} clients ${tps.toFixed(0).padStart(5)} tps, service/pgbench ${(throughput / tps).toFixed(2)}`);
      }
      console.log(`    ${label.padEnd(60)} ${cells.join(' | ')}`);
    }
    if (check.overbooked > 0 || check.problems.length > 0 || result.errors > 0) process.exitCode = 1;
  } finally {
    await stopService();
    await db.end();
    await dropTestDatabase(databaseUrl);
    await deleteTopicsWithPrefix(topicPrefix);
    rmSync(keysDir, { recursive: true, force: true });
  }
}

/** The catalogue publishes an offer and its runs; waits until the service has all of them. */
async function scheduleRuns(brokers: readonly string[], topicPrefix: string, db: Client): Promise<string[]> {
  const publisher = await EventPublisher.connect(brokers, topicPrefix);
  const offerId = randomUUID();
  const providerId = randomUUID();
  const runIds = Array.from({ length: RUNS }, () => randomUUID());
  try {
    await publisher.publish(CatalogueEvents.OfferPublished, offerId, {
      offer: { offerId, version: 1, providerId, title: 'Bench', sectors: [Sector.PO], priceCents: 10_000n },
    });
    for (const runId of runIds) {
      await publisher.publish(CatalogueEvents.RunScheduled, runId, {
        run: {
          runId, offerId, offerVersion: 1, providerId, startDate: isoDateInDays(60), endDate: isoDateInDays(120),
          enrolmentDeadline: timestampFromDate(new Date(amsterdamTimestamp(isoDateInDays(42)))), capacity: CAPACITY, priceCents: 10_000n, sessionCount: 4,
        },
      });
    }
  } finally {
    await publisher.close();
  }
  await until(60_000, 'the runs to arrive', async () => {
    const [{ runs }] = (await db.query(`SELECT count(*)::int AS runs FROM enrolments.known_run WHERE status = 'scheduled'`).catch(() => ({ rows: [{ runs: 0 }] }))).rows;
    return runs === RUNS;
  });
  return runIds;
}

/** The school and `TOTAL` teachers, registered through the API; returns each teacher's token. */
async function registerTeachers(url: string, issuer: DevIssuer): Promise<string[]> {
  const { schoolId, ...school } = SCHOOL;
  await send(url, 'PUT', `/v1/schools/${schoolId}`, await issuer.issue(DEMO_ACCOUNTS['ministerie-ocw']), school, [200, 201]);
  const tokens: string[] = [];
  for (let first = 0; first < TOTAL; first += 25) {
    tokens.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(25, TOTAL - first) }, async (_, offset) => {
          const token = await issuer.issue({ subject: `bench-teacher-${first + offset}`, roles: ['teacher'], teacherId: randomUUID(), schoolId });
          await send(url, 'PUT', '/v1/teachers/me', token, { sector: 'po' }, [201]);
          return token;
        }),
      )),
    );
  }
  return tokens;
}

async function send(url: string, method: string, path: string, token: string, body: unknown, expected: number[]): Promise<void> {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!expected.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

/** Runs the load process and returns what it measured. */
async function fire(burst: Burst): Promise<BurstResult> {
  const dir = mkdtempSync(join(tmpdir(), 'napl-bench-burst-'));
  const file = join(dir, 'burst.json');
  writeFileSync(file, JSON.stringify(burst));
  try {
    const output = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'enrolments-burst', 'load.ts'), file]);
    return JSON.parse(output) as BurstResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Check {
  summary: string;
  overbooked: number;
  problems: string[];
}

/** What the burst left in the database: places, waiting-list order and events. */
async function checkOutcome(db: Client): Promise<Check> {
  const runs = (
    await db.query(
      `SELECT r.run_id, r.capacity, count(e.*)::int AS enrolments,
              count(*) FILTER (WHERE e.status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE e.status = 'waitlisted')::int AS waitlisted,
              count(*) FILTER (WHERE e.status = 'confirmed' AND e.arrival_number > r.capacity)::int AS "confirmedLate",
              COALESCE(max(e.arrival_number), 0)::int AS "lastArrival", count(DISTINCT e.arrival_number)::int AS arrivals
         FROM enrolments.known_run r LEFT JOIN enrolments.enrolment e USING (run_id) GROUP BY r.run_id, r.capacity`,
    )
  ).rows as { run_id: string; capacity: number; enrolments: number; confirmed: number; waitlisted: number; confirmedLate: number; lastArrival: number; arrivals: number }[];
  const problems: string[] = [];
  const sum = (key: 'enrolments' | 'confirmed' | 'waitlisted') => runs.reduce((acc, run) => acc + run[key], 0);
  if (sum('enrolments') !== TOTAL) problems.push(`${sum('enrolments')} enrolments stored, ${TOTAL} sent`);
  for (const run of runs) {
    if (run.confirmedLate > 0) problems.push(`run ${run.run_id}: ${run.confirmedLate} confirmed after the first ${run.capacity} arrivals`);
    if (run.lastArrival !== run.enrolments || run.arrivals !== run.enrolments) problems.push(`run ${run.run_id}: arrival numbers are not 1..${run.enrolments}`);
  }

  // One event per enrolment, as the contract encodes it; a waitlisted one with its place in the waiting list.
  const events = (
    await db.query(
      `SELECT o.event_type AS "eventType", o.payload, e.status,
              CASE WHEN e.status = 'waitlisted' THEN row_number() OVER (PARTITION BY e.run_id, e.status ORDER BY e.arrival_number) END::int AS position
         FROM enrolments.enrolment e LEFT JOIN enrolments.outbox_message o ON o.message_key = e.enrolment_id::text`,
    )
  ).rows as { eventType: string | null; payload: Buffer | null; status: string; position: number | null }[];
  let wrongEvents = 0;
  for (const event of events) {
    const contract = event.status === 'confirmed' ? EnrolmentsEvents.EnrolmentConfirmed : EnrolmentsEvents.EnrolmentWaitlisted;
    if (event.eventType !== contract.type || !event.payload) {
      wrongEvents++;
      continue;
    }
    const message = fromBinary(contract.schema, event.payload);
    const reencoded = Buffer.from(toBinary(contract.schema, message));
    const position = 'position' in message ? message.position : null;
    if (!reencoded.equals(event.payload) || (event.status === 'waitlisted' && position !== event.position)) wrongEvents++;
  }
  if (events.length !== TOTAL) problems.push(`${events.length} events for ${TOTAL} enrolments`);
  if (wrongEvents > 0) problems.push(`${wrongEvents} events missing or not as the contract encodes them`);
  return {
    summary: `confirmed ${sum('confirmed')}, waitlisted ${sum('waitlisted')}`,
    overbooked: runs.filter((run) => run.confirmed > run.capacity).length,
    problems,
  };
}

/**
 * pgbench with one of the scripts on fresh runs of the same capacity (and a published offer); returns its throughput
 * without connection set-up, or why there is none (pgbench not installed; a service without place_enrolment).
 */
async function pgbench(db: Client, databaseUrl: string, script: string, base: number, clients: number, transactions: number): Promise<number | string> {
  if (script !== 'enrol-steps.sql') {
    const [{ exists }] = (await db.query(`SELECT to_regproc('enrolments.place_enrolment') IS NOT NULL AS exists`)).rows;
    if (!exists) return 'n/a: this service has no place_enrolment';
  }
  await db.query(
    `INSERT INTO enrolments.known_offer (offer_id, provider_id, version, sectors, team_programme, status, source_version)
     VALUES (md5('bench-offer')::uuid, md5('bench-provider')::uuid, 1, '{po}', false, 'published', now()) ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO enrolments.teacher (teacher_id, sector, school_id, region_id, registered_at)
     VALUES (md5('bench-teacher')::uuid, 'po', '12AB00', 'utrecht-stad', now()) ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO enrolments.known_run (run_id, offer_id, offer_version, provider_id, start_date, end_date, enrolment_deadline, capacity, price_cents, status, source_version)
     SELECT md5('bench-run-' || n)::uuid, md5('bench-offer')::uuid, 1, md5('bench-provider')::uuid, current_date + 60, current_date + 120,
            now() + interval '42 days', $3, 10000, 'scheduled', now()
       FROM generate_series($1::int + 1, $1::int + $2::int) AS n`,
    [base, RUNS, CAPACITY],
  );
  let output: string;
  try {
    // The service's connections resolve unqualified names in its schema; so do pgbench's (enrol-function.sql).
    output = await run('pgbench', [
      '--no-vacuum', `--client=${clients}`, `--jobs=${Math.min(clients, 2)}`, `--transactions=${transactions}`,
      `--file=${join(__dirname, 'enrolments-burst', script)}`, `--define=base=${base}`, `--define=runs=${RUNS}`, databaseUrl,
    ], { PGOPTIONS: '-c search_path=enrolments' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'pgbench not found';
    throw error;
  }
  const failed = /number of failed transactions: (\d+)/.exec(output);
  if (failed && failed[1] !== '0') throw new Error(`pgbench ${script}: ${failed[1]} transactions failed\n${output}`);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!tps) throw new Error(`pgbench ${script}: no tps in its output\n${output}`);
  return Number(tps[1]);
}

/** How many more connections Postgres takes now, keeping a few for everyone else. */
async function freeConnections(db: Client): Promise<number> {
  const [{ free }] = (
    await db.query(
      `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
              - (SELECT count(*) FROM pg_stat_activity)::int - 10 AS free`,
    )
  ).rows;
  return Math.max(1, free);
}

/** Runs a command; resolves with its stdout, rejects with its stderr when it fails. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(Buffer.concat(stdout).toString()) : reject(new Error(`${command} exited with ${code}: ${Buffer.concat(stderr).toString()}`)),
    );
  });
}

async function until(timeoutMs: number, what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
