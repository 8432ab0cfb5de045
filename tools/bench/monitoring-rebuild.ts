/**
 * Rebuild benchmark of the monitoring service: every read model rebuilt from the start of its topics, beside plain
 * kafkajs consumption of the same topics in the same run.
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/monitoring-rebuild.ts [events]
 * (default 1,000,000 events; e.g. 100000 for a quick run). Needs the compiled service
 * (`NX_DAEMON=false npx nx run monitoring:build`), Postgres and Kafka.
 *
 * 1. Creates monitoring's topics under a scratch prefix and produces `events` events onto them with batched sends, as
 *    the other services' relays would have over the years: per teacher an enrolment confirmed and completed (or not,
 *    or cancelled), a participation, an eligibility decision, a path started with steps (some completed); offers,
 *    paths, budgets per region, claims and payments besides. One event in a hundred is sent twice (a redelivery).
 * 2. Raw consumption, twice, each by a fresh consumer group from the earliest offsets: one that only counts the
 *    messages, one that also decodes them as the rebuild does (envelope headers, protobuf payload, required fields).
 * 3. Migrates a scratch database, then runs `node services/monitoring/dist/main.js rebuild` in its own process: fresh
 *    tables in the shadow schema, every event applied (inbox, facts, freshness), the switch. The process reports its
 *    CPU time; the benchmark checks that every distinct event is in the inbox once and every teacher counted once.
 * Prints events per second of each, and the ratio of the rebuild to the decoding consumer (and to the counting one).
 * BENCH_CPU_PROFILE_DIR=<dir> writes a CPU profile of the rebuild process there (node --cpu-prof).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Kafka, Message } from 'kafkajs';
import { Client } from 'pg';
import { DevIssuer } from '@napl/auth';
import {
  ALL_EVENTS,
  CatalogueEvents,
  EligibilityReason,
  EnrolmentsEvents,
  missingRequiredFields,
  PathsEvents,
  ReimbursementEvents,
  Sector,
  type EventContract,
} from '@napl/contracts';
import { ensureTopics, envelopeFromHeaders, envelopeToHeaders, KAFKA_CONSUMED_TOPICS, newEnvelope } from '@napl/messaging';
import { deleteTopicsWithPrefix, dropTestDatabase, newTestDatabaseUrl, newTopicPrefix, testInfraFromEnv, testKafka } from '@napl/testing';
import { testServiceEnv } from '../demo/e2e/service-processes';

const EVENTS = Number(process.argv[2]) || 1_000_000;
const ROOT = join(__dirname, '..', '..');
/** Messages per produce request, and requests in flight. */
const SEND_BATCH = 2_000;
const SENDS_IN_FLIGHT = 4;

interface Outgoing {
  readonly topic: string;
  readonly message: Message;
}

const REGIONS = Array.from({ length: 50 }, (_, index) => `regio-${String(index + 1).padStart(2, '0')}`);
const SECTORS = [Sector.PO, Sector.VO, Sector.MBO];
const FORMATS = ['course', 'coaching', 'training', 'learning-community'];
const DAY = 24 * 60 * 60 * 1000;

/** The events of the stream, in the order the platform would have published them (ten years, start to now). */
function* stream(topicPrefix: string, total: number): Generator<Outgoing> {
  let sent = 0;
  const start = Date.now() - 3_650 * DAY;
  const event = <C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>, at: Date): Outgoing => {
    const headers = envelopeToHeaders(newEnvelope(contract.type, undefined, at));
    return { topic: topicPrefix + contract.topic.name, message: { key, value: Buffer.from(toBinary(contract.schema, create(contract.schema, payload))), headers } };
  };
  const offers = Array.from({ length: 40 }, (_, index) => ({ offerId: randomUUID(), format: FORMATS[index % FORMATS.length] }));
  const paths = Array.from({ length: 4 }, (_, index) => ({ pathId: randomUUID(), pathCode: `pad-${index + 1}` }));
  const setup: Outgoing[] = [
    ...offers.map(({ offerId, format }) =>
      event(CatalogueEvents.OfferPublished, offerId, { offer: { offerId, version: 1, providerId: randomUUID(), title: 'Aanbod', format }, revision: 1n, publishedAt: timestampFromDate(new Date(start)) }, new Date(start)),
    ),
    ...paths.map((path) => event(PathsEvents.PathVersionPublished, path.pathId, { ...path, version: 1, title: path.pathCode, sectors: ['po', 'vo', 'mbo'], stepCodes: ['S-1', 'S-2'] }, new Date(start))),
    ...REGIONS.flatMap((regionId) =>
      [2025, 2026, 2027, 2028].map((year) =>
        event(ReimbursementEvents.BudgetAllocated, regionId, { regionId, year, amountCents: 2_000_000_00n, trancheCode: '2025-2028', allocatedAt: timestampFromDate(new Date(start)) }, new Date(start)),
      ),
    ),
  ];
  for (const outgoing of setup) {
    yield outgoing;
    sent += 1;
  }
  for (let teacher = 0; sent < total; teacher += 1) {
    const at = new Date(start + ((teacher * 37) % 3_600) * DAY);
    const later = (days: number) => new Date(at.getTime() + days * DAY);
    const teacherId = randomUUID();
    const enrolmentId = randomUUID();
    const offer = offers[teacher % offers.length];
    const regionId = REGIONS[teacher % REGIONS.length];
    const sector = SECTORS[teacher % SECTORS.length];
    const enrolment = { enrolmentId, teacherId, runId: randomUUID(), offerId: offer.offerId, offerVersion: 1, providerId: randomUUID(), sector, regionId };
    const path = paths[teacher % paths.length];
    const teacherPath = { teacherPathId: randomUUID(), teacherId, pathId: path.pathId, pathCode: path.pathCode, version: 1, sector: 'po' };
    const events: Outgoing[] = [
      event(EnrolmentsEvents.EnrolmentConfirmed, enrolmentId, { enrolment, confirmedAt: timestampFromDate(at) }, at),
      event(EnrolmentsEvents.ParticipationStarted, teacherId, { teacherId, enrolmentId, runId: enrolment.runId, offerId: offer.offerId, sector, regionId, firstParticipation: true, startedOn: later(10).toISOString().slice(0, 10), startedAt: timestampFromDate(later(10)) }, later(10)),
      teacher % 20 < 16
        ? event(EnrolmentsEvents.EnrolmentCompleted, enrolmentId, { enrolment, sessionsAttended: 4, completedAt: timestampFromDate(later(60)) }, later(60))
        : teacher % 20 < 19
          ? event(EnrolmentsEvents.EnrolmentNotCompleted, enrolmentId, { enrolment, sessionsAttended: 1, recordedAt: timestampFromDate(later(60)) }, later(60))
          : event(EnrolmentsEvents.EnrolmentCancelled, enrolmentId, { enrolment, cause: 1, heldPlace: true, cancelledAt: timestampFromDate(later(5)) }, later(5)),
      event(
        ReimbursementEvents.EligibilityDecided,
        enrolmentId,
        { enrolmentId, offerId: offer.offerId, regionId, reason: teacher % 10 === 9 ? EligibilityReason.CAP_REACHED : EligibilityReason.ELIGIBLE, eligible: teacher % 10 !== 9, amountCents: 1_200_00n, ruleVersion: 1, enrolledOn: at.toISOString().slice(0, 10), decidedAt: timestampFromDate(later(1)) },
        later(1),
      ),
      event(PathsEvents.PathStarted, teacherPath.teacherPathId, { teacherPath, startedAt: timestampFromDate(later(2)) }, later(2)),
      event(PathsEvents.StepCompleted, teacherPath.teacherPathId, { teacherPath, stepCode: 'S-1', completedBy: 1, hoursCounted: 16, completedAt: timestampFromDate(later(60)) }, later(60)),
    ];
    if (teacher % 3 === 0) {
      events.push(
        event(PathsEvents.StepCompleted, teacherPath.teacherPathId, { teacherPath, stepCode: 'S-2', completedBy: 1, hoursCounted: 16, completedAt: timestampFromDate(later(120)) }, later(120)),
        event(PathsEvents.PathCompleted, teacherPath.teacherPathId, { teacherPath, completedAt: timestampFromDate(later(120)) }, later(120)),
      );
    }
    if (teacher % 25 === 0) {
      const claimId = randomUUID();
      const year = 2025 + (teacher % 4);
      events.push(
        event(ReimbursementEvents.ClaimSubmitted, claimId, { claimId, regionId, lineCount: 25, totalCents: 30_000_00n, committed: [{ year, amountCents: 30_000_00n }], submittedAt: timestampFromDate(later(70)) }, later(70)),
        event(ReimbursementEvents.ClaimApproved, claimId, { decision: { claimId, regionId, approvedLines: 25, approvedCents: 30_000_00n, released: [], decidedAt: timestampFromDate(later(80)) } }, later(80)),
        event(ReimbursementEvents.PaymentIssued, claimId, { statementId: claimId, regionId, period: `${year}-Q1`, paidCents: 30_000_00n, paid: [{ year, amountCents: 30_000_00n }], paidAt: timestampFromDate(later(90)) }, later(90)),
      );
    }
    for (const outgoing of events) {
      if (sent >= total) return;
      yield outgoing;
      sent += 1;
      // A redelivery: the same message again (same envelope, same event id), counted as one of the events sent.
      if (sent % 100 === 0 && sent < total) {
        yield outgoing;
        sent += 1;
      }
    }
  }
}

async function produce(kafka: Kafka, topicPrefix: string): Promise<{ sent: number; distinct: number; teachers: number; seconds: number }> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  let sent = 0;
  const ids = new Set<string>();
  const teachers = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  let batch: Outgoing[] = [];
  const flush = async () => {
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of batch) byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    batch = [];
    const send = producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    inFlight.add(send);
    void send.finally(() => inFlight.delete(send));
    if (inFlight.size >= SENDS_IN_FLIGHT) await Promise.race(inFlight);
  };
  for (const outgoing of stream(topicPrefix, EVENTS)) {
    batch.push(outgoing);
    sent += 1;
    ids.add(String(outgoing.message.headers!['napl-event-id']));
    if (outgoing.topic.endsWith('napl.enrolments.participation.v1')) teachers.add(String(outgoing.message.key));
    if (batch.length >= SEND_BATCH) await flush();
    if (sent % 200_000 === 0) console.log(`  produced ${sent}`);
  }
  if (batch.length > 0) await flush();
  await Promise.all(inFlight);
  await producer.disconnect();
  return { sent, distinct: ids.size, teachers: teachers.size, seconds: (performance.now() - started) / 1000 };
}

const CONTRACTS = new Map<string, EventContract>(ALL_EVENTS.map((contract) => [contract.type, contract]));

/** A plain kafkajs consumer of the same topics from the earliest offsets: counts (and with `decode`, decodes) every message. */
async function rawConsume(kafka: Kafka, topicPrefix: string, total: number, decode: boolean): Promise<{ seconds: number; fromFirstSeconds: number; cpuMs: number }> {
  const consumer = kafka.consumer({ groupId: `${topicPrefix}bench.raw-${decode ? 'decode' : 'count'}`, maxBytesPerPartition: 4 * 1024 * 1024, maxWaitTimeInMs: 500 });
  await consumer.connect();
  await consumer.subscribe({ topics: KAFKA_CONSUMED_TOPICS.monitoring.map((topic) => topicPrefix + topic.name), fromBeginning: true });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let first = 0;
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        partitionsConsumedConcurrently: 4,
        eachBatch: async ({ batch }) => {
          first ||= performance.now();
          for (const message of batch.messages) {
            if (decode) {
              const envelope = envelopeFromHeaders(message.headers);
              const contract = CONTRACTS.get(envelope.eventType)!;
              missingRequiredFields(fromBinary(contract.schema, message.value!), contract.requiredFields);
            }
          }
          seen += batch.messages.length;
          if (seen >= total) resolve();
        },
      })
      .catch(reject);
  });
  const seconds = (performance.now() - started) / 1000;
  const fromFirstSeconds = (performance.now() - first) / 1000;
  const used = process.cpuUsage(cpu);
  await consumer.disconnect();
  return { seconds, fromFirstSeconds, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * CPU time (ms) of the local Postgres backends serving one database, sampled every 250 ms while `work` runs (a backend's
 * time counts up to its last sample; the title of a backend process names its database).
 */
async function postgresCpuMsDuring<T>(database: string, work: () => Promise<T>): Promise<{ result: T; cpuMs: number | undefined }> {
  const seen = new Map<string, number>();
  const sample = () => {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!title.startsWith('postgres:') || !title.includes(` ${database} `)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        seen.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // The process ended meanwhile.
      }
    }
  };
  const timer = setInterval(sample, 250);
  try {
    const result = await work();
    return { result, cpuMs: seen.size > 0 ? [...seen.values()].reduce((sum, ms) => sum + ms, 0) : undefined };
  } finally {
    clearInterval(timer);
  }
}

/** Runs `node services/monitoring/dist/main.js <args>` and returns its output and wall time. */
async function monitoringCommand(args: string[], env: Record<string, string>): Promise<{ output: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : []), join(ROOT, 'services', 'monitoring', 'dist', 'main.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`monitoring ${args.join(' ')} exited with ${code}:\n${output.join('')}`);
  return { output: output.join(''), seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const infra = testInfraFromEnv();
  const databaseUrl = newTestDatabaseUrl(infra, 'bench_monitoring');
  const topicPrefix = newTopicPrefix();
  const keysDir = mkdtempSync(join(tmpdir(), 'napl-bench-keys-'));
  await DevIssuer.fromDirectory(keysDir);
  const env = testServiceEnv({ databaseUrl, topicPrefix, keysDir, kafkaBrokers: infra.kafkaBrokers }, { LOG_LEVEL: 'warn' });
  const kafka = testKafka();
  let db: Client | undefined;
  try {
    await ensureTopics(kafka, { topicPrefix }, KAFKA_CONSUMED_TOPICS.monitoring);
    console.log(`monitoring rebuild: producing ${EVENTS} events onto ${KAFKA_CONSUMED_TOPICS.monitoring.length} topics (prefix ${topicPrefix})`);
    const produced = await produce(kafka, topicPrefix);
    console.log(`  produced ${produced.sent} messages (${produced.distinct} distinct events, ${produced.teachers} teachers) in ${produced.seconds.toFixed(1)} s: ${(produced.sent / produced.seconds).toFixed(0)}/s`);

    const counted = await rawConsume(kafka, topicPrefix, produced.sent, false);
    const decoded = await rawConsume(kafka, topicPrefix, produced.sent, true);

    await monitoringCommand(['migrate'], env);
    const rebuildEnv = process.env.BENCH_REBUILD_NODE_OPTIONS ? { ...env, NODE_OPTIONS: process.env.BENCH_REBUILD_NODE_OPTIONS } : env;
    const measured = await postgresCpuMsDuring(new URL(databaseUrl).pathname.slice(1), () => monitoringCommand(['rebuild'], rebuildEnv));
    const rebuild = measured.result;
    const cpuMs = Number(/cpu_ms=(\d+)/.exec(rebuild.output)?.[1] ?? Number.NaN);

    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const [run] = (await db.query(`SELECT status, events_applied::int AS applied, extract(epoch FROM finished_at - started_at)::float8 AS seconds FROM monitoring.rebuild_run`)).rows;
    const inbox = (await db.query(`SELECT count(*)::int AS n FROM monitoring.processed_event`)).rows[0].n;
    const participants = (await db.query(`SELECT count(*)::int AS n FROM monitoring.participant_fact`)).rows[0].n;

    const rate = (seconds: number) => produced.sent / seconds;
    const rebuildRate = rate(run.seconds);
    console.log(`  raw kafkajs, counting only:   ${rate(counted.seconds).toFixed(0)} msg/s (${counted.seconds.toFixed(1)} s incl. joining the group; ${rate(counted.fromFirstSeconds).toFixed(0)}/s from the first batch), CPU ${(counted.cpuMs / 1000).toFixed(1)} s`);
    console.log(`  raw kafkajs, decoding:        ${rate(decoded.seconds).toFixed(0)} msg/s (${decoded.seconds.toFixed(1)} s incl. joining the group; ${rate(decoded.fromFirstSeconds).toFixed(0)}/s from the first batch), CPU ${(decoded.cpuMs / 1000).toFixed(1)} s`);
    console.log(
      `  rebuild (own process):        ${rebuildRate.toFixed(0)} msg/s (${run.seconds.toFixed(1)} s from start to switch, incl. fresh tables and joining the group; ` +
        `command ${rebuild.seconds.toFixed(1)} s with start-up), CPU ${(cpuMs / 1000).toFixed(1)} s = ${(cpuMs / produced.sent * 1000).toFixed(1)} µs per event`,
    );
    if (measured.cpuMs !== undefined) console.log(`  Postgres backends of the rebuild: CPU ${(measured.cpuMs / 1000).toFixed(1)} s = ${(measured.cpuMs / produced.sent * 1000).toFixed(1)} µs per event (sampled from /proc)`);
    for (const line of rebuild.output.split('\n').filter((text) => /Rebuilt (read models are live|tables made durable)/.test(text))) {
      console.log(`  ${/Rebuilt [^\u001b]*/.exec(line)?.[0]}`);
    }
    console.log(`  ratio rebuild / raw decoding: ${(rebuildRate / rate(decoded.seconds)).toFixed(2)}×; rebuild / raw counting: ${(rebuildRate / rate(counted.seconds)).toFixed(2)}×`);
    console.log(`  status ${run.status}; events applied ${run.applied}, inbox ${inbox} (distinct events ${produced.distinct}); participants ${participants} (teachers ${produced.teachers})`);
    if (run.status !== 'switched' || inbox !== produced.distinct || run.applied !== produced.distinct || participants !== produced.teachers) process.exitCode = 1;
  } finally {
    await db?.end();
    await dropTestDatabase(databaseUrl).catch((error: Error) => console.error(`could not drop ${databaseUrl}: ${error.message}`));
    await deleteTopicsWithPrefix(topicPrefix);
    rmSync(keysDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
