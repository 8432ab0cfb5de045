/**
 * Progress benchmark of the paths service: the time from an EnrolmentCompleted on Kafka to the teacher's updated
 * progress, over many completions, with the compiled service in its own process.
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/paths-progress.ts [completions] [rate]
 * (defaults 10000 completions, 500 per second). Needs the compiled service (`NX_DAEMON=false npx nx run paths:build`),
 * Postgres and Kafka.
 *
 * 1. Starts services/paths/dist/main.js on a scratch database and topics (NODE_ENV=test settings, LOG_LEVEL=warn).
 * 2. Publishes one approved offer serving step CO-1 (16 hours) of the curriculumontwikkelaar path, as the catalogue
 *    and quality do, and puts `completions` teachers on that path (rows written directly: the setup is not measured).
 * 3. Publishes one EnrolmentCompleted per teacher at `rate` per second, each with its send time, as the enrolments
 *    service's relay would (keys spread over the topic's partitions).
 * 4. Each completion completes the teacher's step CO-1: the service derives the progress again and writes its
 *    StepCompleted in the same transaction. The time from sending the completion to that row's event time is the
 *    latency; the benchmark checks that every teacher got exactly one StepCompleted and CO-1 completed.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Client } from 'pg';
import { DevIssuer } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents, QualityEvents, Sector } from '@napl/contracts';
import { daysFromNow, deleteTopicsWithPrefix, dropTestDatabase, eventually, EventPublisher, newTestDatabaseUrl, newTopicPrefix, testInfraFromEnv } from '@napl/testing';
import { startServiceProcess, testServiceEnv } from '../demo/e2e/service-processes';

const [completionsArg, rateArg] = process.argv.slice(2).map(Number);
const COMPLETIONS = completionsArg || 10_000;
const RATE = rateArg || 500;
const CURRICULUMONTWIKKELAAR = '33333333-3333-4333-8333-000000000002';
/** Sent in small batches every few milliseconds: a steady stream, as a relay under load sends. */
const BATCH = 25;

async function main(): Promise<void> {
  const infra = testInfraFromEnv();
  const databaseUrl = newTestDatabaseUrl(infra, 'bench_paths');
  const topicPrefix = newTopicPrefix();
  const keysDir = mkdtempSync(join(tmpdir(), 'napl-bench-keys-'));
  await DevIssuer.fromDirectory(keysDir); // the service verifies tokens with these keys; the benchmark sends none
  const service = await startServiceProcess('paths', testServiceEnv({ databaseUrl, topicPrefix, keysDir, kafkaBrokers: infra.kafkaBrokers }, { LOG_LEVEL: 'warn' }));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const publisher = await EventPublisher.connect(infra.kafkaBrokers, topicPrefix);
  try {
    const offerId = randomUUID();
    await approvedOffer(publisher, offerId);
    await eventually(async () => ((await db.query(`SELECT 1 FROM paths.known_mark WHERE offer_id = $1`, [offerId])).rowCount ? true : undefined), 30_000, 'the offer and its mark');
    await eventually(async () => ((await db.query(`SELECT 1 FROM paths.known_offer_version WHERE offer_id = $1`, [offerId])).rowCount ? true : undefined), 30_000, 'the offer version');

    const teachers = Array.from({ length: COMPLETIONS }, () => ({ teacherId: randomUUID(), teacherPathId: randomUUID(), sentAt: 0 }));
    await db.query(
      `INSERT INTO paths.teacher_path (teacher_path_id, teacher_id, school_id, sector, path_id, version, started_at)
       SELECT unnest($1::uuid[]), unnest($2::text[]), '12AB00', 'po', $3, 1, now()`,
      [teachers.map((t) => t.teacherPathId), teachers.map((t) => t.teacherId), CURRICULUMONTWIKKELAAR],
    );

    const cpuBefore = service.cpuMs();
    const started = performance.now();
    const origin = Date.now() - performance.now();
    for (let first = 0; first < COMPLETIONS; first += BATCH) {
      // Keep to the rate: wait until this batch is due.
      const due = started + (first / RATE) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await Promise.all(
        teachers.slice(first, first + BATCH).map((teacher) => {
          teacher.sentAt = origin + performance.now();
          const enrolmentId = randomUUID();
          return publisher.publish(EnrolmentsEvents.EnrolmentCompleted, enrolmentId, {
            enrolment: { enrolmentId, teacherId: teacher.teacherId, runId: randomUUID(), offerId, offerVersion: 1, providerId: randomUUID(), sector: Sector.PO },
            sessionsAttended: 4,
            completedAt: timestampFromDate(new Date()),
          });
        }),
      );
    }
    const sendSeconds = (performance.now() - started) / 1000;
    await eventually(
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM paths.outbox_message WHERE event_type = 'napl.paths.v1.StepCompleted'`);
        return rows[0].n >= COMPLETIONS ? true : undefined;
      },
      600_000,
      'every StepCompleted',
    );
    const drainSeconds = (performance.now() - started) / 1000;
    const cpuPerCompletion = (service.cpuMs() - cpuBefore) / COMPLETIONS;

    const { rows } = await db.query(
      `SELECT message_key, count(*)::int AS n, (extract(epoch FROM min(occurred_at)) * 1000)::float8 AS at
         FROM paths.outbox_message WHERE event_type = 'napl.paths.v1.StepCompleted' GROUP BY message_key`,
    );
    const byPath = new Map(teachers.map((teacher) => [teacher.teacherPathId, teacher]));
    const latencies = rows.map((row) => row.at - byPath.get(row.message_key)!.sentAt).sort((a, b) => a - b);
    const duplicates = rows.filter((row) => row.n !== 1).length;
    const completed = (await db.query(`SELECT count(*)::int AS n FROM paths.teacher_path WHERE 'CO-1' = ANY (completed_step_codes)`)).rows[0].n;
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(0);

    console.log(`paths progress: ${COMPLETIONS} EnrolmentCompleted at ${RATE}/s (sent in ${sendSeconds.toFixed(1)} s), compiled service in its own process`);
    console.log(`  teachers with CO-1 completed: ${completed}/${COMPLETIONS}; StepCompleted per teacher path other than 1: ${duplicates}`);
    console.log(`  completion on Kafka → progress updated (StepCompleted written), ms: p50 ${percentile(50)}, p90 ${percentile(90)}, p99 ${percentile(99)}, max ${percentile(100)}`);
    console.log(`  all applied after ${drainSeconds.toFixed(1)} s: ${(COMPLETIONS / drainSeconds).toFixed(0)} completions/s; service CPU ${cpuPerCompletion.toFixed(2)} ms per completion`);
    if (completed !== COMPLETIONS || duplicates > 0 || latencies.length !== COMPLETIONS) process.exitCode = 1;
  } finally {
    await publisher.close();
    await service.stop();
    await db.end();
    await dropTestDatabase(databaseUrl);
    await deleteTopicsWithPrefix(topicPrefix);
    rmSync(keysDir, { recursive: true, force: true });
  }
}

/** The catalogue publishes the offer, quality has approved it: completions of it count for CO-1. */
async function approvedOffer(publisher: EventPublisher, offerId: string): Promise<void> {
  await publisher.publish(QualityEvents.OfferApproved, offerId, {
    assessmentId: randomUUID(),
    offerId,
    offerVersion: 1,
    providerId: randomUUID(),
    markId: randomUUID(),
    validUntil: timestampFromDate(daysFromNow(365)),
    decidedAt: timestampFromDate(daysFromNow(-1)),
  });
  await publisher.publish(CatalogueEvents.OfferPublished, offerId, {
    offer: {
      offerId,
      version: 1,
      providerId: randomUUID(),
      title: 'Curriculumtheorie',
      sectors: [Sector.PO],
      studyLoadHours: 16,
      pathStepCodes: ['CO-1'],
      regionIds: [],
      format: 'course',
    },
    revision: 2n,
  });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
