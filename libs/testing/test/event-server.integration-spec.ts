import { randomUUID } from 'node:crypto';
import { Controller, Module, type DynamicModule } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Kafka, logLevel } from 'kafkajs';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { TokenVerifierOptions } from '@napl/auth';
import { CatalogueEvents, deadLetterTopicOf, TOPICS, type RunCancelled } from '@napl/contracts';
import { EventFailureEntity, OnEvent, type HandlerContext } from '@napl/messaging';
import { PlatformModule, ServiceConfig } from '@napl/service-kit';
import {
  dropTestDatabase,
  EventPublisher,
  eventually,
  MESSAGING_TEST_MIGRATIONS,
  newTestDatabaseUrl,
  newTopicPrefix,
  startTestService,
  testInfraFromEnv,
  testKafkaSasl,
  TopicProbe,
  waitUntilConsumed,
  type TestService,
} from '../src';

/** The handler's effect is a counter, so a second application of one event would show. */
class ProbeEffects1764050000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE applied_effect (run_id text PRIMARY KEY, times integer NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applied_effect');
  }
}

/** How often the handler still fails, per run id (Infinity: always). */
const failuresLeft = new Map<string, number>();
/** Run ids whose handling lingers in its transaction, so copies handled elsewhere overlap with it. */
const slow = new Set<string>();

/** Counts each RunCancelled it applies; writes its effect first and then fails when told to, so a rollback shows. */
@Controller()
class CountCancellationWhenRunCancelled {
  @OnEvent(CatalogueEvents.RunCancelled)
  async handle(@Payload() event: RunCancelled, @Ctx() { manager }: HandlerContext): Promise<void> {
    await manager.query(
      `INSERT INTO applied_effect (run_id, times) VALUES ($1, 1)
       ON CONFLICT (run_id) DO UPDATE SET times = applied_effect.times + 1`,
      [event.runId],
    );
    if (slow.has(event.runId)) await manager.query('SELECT pg_sleep(0.5)');
    const left = failuresLeft.get(event.runId) ?? 0;
    if (left > 0) {
      failuresLeft.set(event.runId, left - 1);
      throw new Error(`handler said no to ${event.runId}`);
    }
  }
}

@Module({})
class ProbeServiceModule {
  static forRoot(config: ServiceConfig, auth: TokenVerifierOptions): DynamicModule {
    return {
      module: ProbeServiceModule,
      imports: [
        PlatformModule.forService({
          service: 'probe',
          config,
          auth,
          entities: [],
          migrations: [...MESSAGING_TEST_MIGRATIONS, ProbeEffects1764050000001],
          consumerRetryDelayMs: 20,
        }),
      ],
      controllers: [CountCancellationWhenRunCancelled],
    };
  }
}

/**
 * The inbox proven on its own: the handler's effect is a counter, so any second application of an event shows (a
 * redelivered copy, copies handled at once by two instances, a replay of the topics from the start).
 * Event handlers the Nest way (@OnEvent on a controller, run by the EventServer transport through Nest's filters and
 * interceptors) keep the consumer's guarantees: the inbox applies an event once, a failing handler's effect is
 * rolled back and retried, and one that keeps failing goes to the dead-letter topic with its own error.
 */
describe('event handlers on the EventServer transport', () => {
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'event_server');
  const topicPrefix = newTopicPrefix();
  const runTopic = topicPrefix + TOPICS.catalogueRun.name;
  let service: TestService<ServiceConfig>;
  let publisher: EventPublisher;
  let deadLetters: TopicProbe;

  /** An instance of the probe service; instances share the database and the topics, and so the consumer group. */
  const startInstance = () =>
    startTestService({
      description: { service: 'probe', title: 'probe', description: 'A service with one event handler' },
      configClass: ServiceConfig,
      module: (config, auth) => ProbeServiceModule.forRoot(config, auth),
      databaseUrl,
      topicPrefix,
    });

  beforeAll(async () => {
    service = await startInstance();
    publisher = await EventPublisher.connect(testInfraFromEnv().kafkaBrokers, topicPrefix);
    deadLetters = await TopicProbe.on(topicPrefix + deadLetterTopicOf(TOPICS.catalogueRun.name));
  }, 60_000);

  afterAll(async () => {
    await deadLetters?.close();
    await publisher?.close();
    await service?.close();
    await dropTestDatabase(databaseUrl);
  });

  /** Sends one RunCancelled `copies` times with the same envelope (a redelivery) on one partition; returns its event id. */
  const send = (runId: string, copies = 1, partitions: number[] = [0]): Promise<string> =>
    publisher.publish(CatalogueEvents.RunCancelled, runId, { runId, offerId: randomUUID() }, { copies, partitions });

  async function timesApplied(runId: string): Promise<number> {
    const [row] = await service.dataSource.query('SELECT times FROM applied_effect WHERE run_id = $1', [runId]);
    return row?.times ?? 0;
  }

  it('applies an event once when it arrives twice', async () => {
    const runId = randomUUID();
    await send(runId, 2);
    // A later event on the same partition: once it is consumed, both copies have been.
    await waitUntilConsumed(service, await send(randomUUID()));

    expect(await timesApplied(runId)).toBe(1);
  });

  it('applies an event once when copies are handled at the same moment by two instances', async () => {
    const second = await startInstance();
    try {
      const runId = randomUUID();
      slow.add(runId);
      // A copy on each partition: both instances own at least one, and the first copy lingers in its transaction.
      await send(runId, 1, [0, 1, 2]);
      const markers = await Promise.all([0, 1, 2].map((partition) => send(randomUUID(), 1, [partition])));
      for (const marker of markers) await waitUntilConsumed(service, marker, 20_000);

      expect(await timesApplied(runId)).toBe(1);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('rolls back a failing handler\'s effect and retries it until it is applied, once', async () => {
    const runId = randomUUID();
    failuresLeft.set(runId, 2);
    const eventId = await send(runId);

    await waitUntilConsumed(service, eventId, 20_000);
    expect(await timesApplied(runId)).toBe(1);
    const failure = await service.dataSource.getRepository(EventFailureEntity).findOneByOrFail({ eventId });
    expect(failure).toMatchObject({ attempts: 2, deadLetteredAt: null, lastError: `handler said no to ${runId}` });
  });

  it('sends an event whose handler keeps failing to the dead-letter topic with the handler\'s error, and goes on', async () => {
    const doomed = randomUUID();
    failuresLeft.set(doomed, Infinity);
    await send(doomed);
    const next = randomUUID();
    await waitUntilConsumed(service, await send(next), 20_000);

    const [deadLetter] = await eventually(async () => (deadLetters.messages.length > 0 ? deadLetters.messages : undefined));
    expect(deadLetter.headers['napl-dlt-reason']).toBe(`handler said no to ${doomed}`);
    expect(deadLetter.headers['napl-dlt-attempts']).toBe('5');
    expect(await timesApplied(doomed)).toBe(0);
    expect(await timesApplied(next)).toBe(1);

    // Nest's interceptors apply to event handlers as to requests: the metrics interceptor counted every try.
    const scrape = (await service.http().get('/metrics').expect(200)).text;
    const failed = /napl_event_handler_duration_seconds_count\{[^}]*event_type="napl\.catalogue\.v1\.RunCancelled"[^}]*outcome="failed"[^}]*\} (\d+)/.exec(scrape);
    expect(Number(failed?.[1])).toBeGreaterThanOrEqual(5);
    expect(scrape).toMatch(new RegExp(`napl_events_dead_lettered_total\\{[^}]*topic="napl\\.catalogue\\.run\\.v1"[^}]*\\} 1`));
  });

  // Last: it restarts the service's consumer group from the first offset.
  it('changes nothing when the consumer group replays its topics from the start', async () => {
    const [before] = await service.dataSource.query('SELECT count(*)::int AS rows, sum(times)::int AS total FROM applied_effect');
    expect(before.rows).toBeGreaterThan(3);
    await service.close();
    const kafka = new Kafka({ brokers: testInfraFromEnv().kafkaBrokers, logLevel: logLevel.NOTHING, sasl: testKafkaSasl() });
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: `${topicPrefix}napl.probe`, topic: runTopic, earliest: true });
    await admin.disconnect();

    service = await startInstance();
    const markers = await Promise.all([0, 1, 2].map((partition) => send(randomUUID(), 1, [partition])));
    for (const marker of markers) await waitUntilConsumed(service, marker, 30_000);

    // Everything before was read again; only the three markers are new.
    const [after] = await service.dataSource.query('SELECT count(*)::int AS rows, sum(times)::int AS total FROM applied_effect');
    expect({ rows: after.rows - 3, total: after.total - 3 }).toEqual({ rows: before.rows, total: before.total });
  }, 90_000);
});
