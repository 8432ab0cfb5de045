import { randomUUID } from 'node:crypto';
import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { CatalogueEvents, RunScheduledSchema, TOPICS, deadLetterTopicOf } from '@napl/contracts';
import {
  createKafka,
  envelopeToHeaders,
  newEnvelope,
  OutboxMessageEntity,
  OutboxRelay,
  publishInTransaction,
  ProcessedEventEntity,
} from '@napl/messaging';
import { pendingSchemaChanges } from '@napl/persistence';
import {
  amsterdamTimestamp,
  dropTestDatabase,
  eventually,
  isoDateInDays,
  MESSAGING_TEST_MIGRATIONS,
  newTestDatabaseUrl,
  newTopicPrefix,
  openServiceDataSource,
  OwnBroker,
  startTestService,
  testInfraFromEnv,
  testKafkaSasl,
  TopicProbe,
  type TestService,
} from '@napl/testing';
import { EnrolmentsConfig } from '../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../src/enrolments.description';
import { EnrolmentsModule } from '../src/enrolments.module';
import { KnownRunEntity } from '../src/runs/infrastructure/known-run.entity';

/** The catalogue side of the flow: its schema's outbox and relay, exactly as the catalogue service uses them. */

/** The runs start in two months (computed once, so a test running over midnight still agrees with itself). */
const START_DATE = isoDateInDays(60);

function runScheduled(runId: string, capacity: number) {
  return {
    run: {
      runId,
      offerId: randomUUID(),
      offerVersion: 1,
      providerId: randomUUID(),
      startDate: START_DATE,
      endDate: isoDateInDays(180),
      enrolmentDeadline: timestampFromDate(new Date(amsterdamTimestamp(isoDateInDays(45)))),
      capacity,
      priceCents: 45_000n,
      online: false,
      location: 'Utrecht',
      sessionCount: 6,
    },
  };
}

async function knownRun(dataSource: DataSource, runId: string): Promise<KnownRunEntity | undefined> {
  return (await dataSource.getRepository(KnownRunEntity).findOneBy({ runId })) ?? undefined;
}

describe('catalogue run events reach the enrolments service (outbox → Kafka → idempotent consumer)', () => {
  const topicPrefix = newTopicPrefix();
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'flow');
  let enrolments: TestService<EnrolmentsConfig>;
  let catalogueDb: DataSource;
  let relay: OutboxRelay;
  let rawProducer: Producer;
  const runTopic = topicPrefix + TOPICS.catalogueRun.name;

  beforeAll(async () => {
    enrolments = await startTestService({
      description: ENROLMENTS_SERVICE,
      configClass: EnrolmentsConfig,
      module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
      databaseUrl,
      topicPrefix,
    });
    catalogueDb = await openServiceDataSource('catalogue', databaseUrl, [], MESSAGING_TEST_MIGRATIONS);
    const kafka = createKafka({ clientId: 'test-catalogue', brokers: enrolments.config.kafkaBrokers, topicPrefix, ...enrolments.config.kafkaSecurity });
    relay = new OutboxRelay(catalogueDb, kafka.producer(), { service: 'catalogue', topicPrefix, pollIntervalMs: 50 });
    relay.start();
    rawProducer = new Kafka({ brokers: enrolments.config.kafkaBrokers, logLevel: logLevel.NOTHING, sasl: testKafkaSasl() }).producer();
    await rawProducer.connect();
  });

  afterAll(async () => {
    await relay?.stop();
    await rawProducer?.disconnect();
    await catalogueDb?.destroy();
    await enrolments?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('has migrations that match its entities', async () => {
    expect(await pendingSchemaChanges(enrolments.dataSource)).toEqual([]);
  });

  it('(a) delivers an event written with the state change to the consumer, which stores it in its own schema', async () => {
    const runId = randomUUID();
    await catalogueDb.transaction((manager) => publishInTransaction(manager, CatalogueEvents.RunScheduled, runId, runScheduled(runId, 20)));

    const stored = await eventually(() => knownRun(enrolments.dataSource, runId), 15_000, 'the run in the enrolments schema');
    expect(stored).toMatchObject({ runId, capacity: 20, status: 'scheduled', priceCents: '45000', startDate: START_DATE });
    const outboxRow = await catalogueDb.getRepository(OutboxMessageEntity).findOneByOrFail({ messageKey: runId });
    expect(outboxRow.publishedAt).not.toBeNull();
  });

  it('publishes nothing for a change that was rolled back', async () => {
    const runId = randomUUID();
    await expect(
      catalogueDb.transaction(async (manager) => {
        await publishInTransaction(manager, CatalogueEvents.RunScheduled, runId, runScheduled(runId, 5));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await catalogueDb.getRepository(OutboxMessageEntity).countBy({ messageKey: runId })).toBe(0);
  });

  it('(b) applies a redelivered event only once, even when the copy differs', async () => {
    const runId = randomUUID();
    const envelope = newEnvelope(CatalogueEvents.RunScheduled.type);
    const headers = envelopeToHeaders(envelope);
    const first = toBinary(RunScheduledSchema, create(RunScheduledSchema, runScheduled(runId, 12)));
    const redelivered = toBinary(RunScheduledSchema, create(RunScheduledSchema, runScheduled(runId, 99)));
    await rawProducer.send({ topic: runTopic, messages: [{ key: runId, value: Buffer.from(first), headers }] });
    await eventually(() => knownRun(enrolments.dataSource, runId), 15_000, 'the first copy');
    await rawProducer.send({ topic: runTopic, messages: [{ key: runId, value: Buffer.from(redelivered), headers }] });

    // A later event on the same partition proves the redelivered copy has been consumed (and skipped) by now.
    const marker = randomUUID();
    await catalogueDb.transaction((manager) => publishInTransaction(manager, CatalogueEvents.RunScheduled, runId, runScheduled(marker, 1)));
    await eventually(() => knownRun(enrolments.dataSource, marker), 15_000, 'the marker event');

    expect((await knownRun(enrolments.dataSource, runId))?.capacity).toBe(12);
    expect(await enrolments.dataSource.getRepository(ProcessedEventEntity).countBy({ eventId: envelope.eventId })).toBe(1);
  });

  it('(d) sends a malformed message to the dead-letter topic and still processes the next good one', async () => {
    const deadLetters = await TopicProbe.on(topicPrefix + deadLetterTopicOf(TOPICS.catalogueRun.name));
    try {
      const badKey = randomUUID();
      const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]);
      const missingFields = toBinary(RunScheduledSchema, create(RunScheduledSchema, { run: { runId: badKey } }));
      await rawProducer.send({
        topic: runTopic,
        messages: [
          { key: badKey, value: garbage, headers: envelopeToHeaders(newEnvelope(CatalogueEvents.RunScheduled.type)) },
          { key: badKey, value: Buffer.from(missingFields), headers: envelopeToHeaders(newEnvelope(CatalogueEvents.RunScheduled.type)) },
          { key: badKey, value: Buffer.from('no envelope at all') },
        ],
      });
      const goodRunId = randomUUID();
      await catalogueDb.transaction((manager) =>
        publishInTransaction(manager, CatalogueEvents.RunScheduled, badKey, runScheduled(goodRunId, 8)),
      );

      await eventually(() => knownRun(enrolments.dataSource, goodRunId), 15_000, 'the good message after the bad ones');
      await eventually(async () => (deadLetters.messages.length >= 3 ? true : undefined), 15_000, 'three dead letters');
      const reasons = deadLetters.messages.map((message) => message.headers['napl-dlt-reason']);
      expect(reasons[0]).toMatch(/does not decode/);
      expect(reasons[1]).toMatch(/required fields missing: run\.offerId, run\.startDate, run\.endDate, run\.capacity/);
      expect(reasons[2]).toMatch(/napl-event-id is not a UUID/);
      expect(deadLetters.messages[0].headers['napl-dlt-original-topic']).toBe(runTopic);
      expect(deadLetters.messages[0].value).toEqual(garbage);
      expect(await knownRun(enrolments.dataSource, badKey)).toBeUndefined();
    } finally {
      await deadLetters.close();
    }
  });
});

describe('(c) an event written while the broker is stopped is delivered after it is back', () => {
  // A broker of this test's own, so stopping it disturbs no other test.
  const broker = OwnBroker.create(19192, 'outage-test');
  const topicPrefix = newTopicPrefix();
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'outage');
  let enrolments: TestService<EnrolmentsConfig>;
  let catalogueDb: DataSource;
  let relay: OutboxRelay;

  beforeAll(async () => {
    await broker.start();
    enrolments = await startTestService({
      description: ENROLMENTS_SERVICE,
      configClass: EnrolmentsConfig,
      module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
      databaseUrl,
      topicPrefix,
      env: { KAFKA_BROKERS: broker.brokers },
    });
    catalogueDb = await openServiceDataSource('catalogue', databaseUrl, [], MESSAGING_TEST_MIGRATIONS);
    // Few retries, so the relay notices the outage quickly.
    const kafka = createKafka({ clientId: 'test-catalogue', brokers: [broker.brokers], topicPrefix, sasl: testInfraFromEnv().kafkaSasl }, { retry: { initialRetryTime: 100, retries: 1 } });
    relay = new OutboxRelay(catalogueDb, kafka.producer(), { service: 'catalogue', topicPrefix, pollIntervalMs: 50, maxBackoffMs: 500 });
    relay.start();
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await catalogueDb?.destroy();
    await enrolments?.close();
    await dropTestDatabase(databaseUrl);
    await broker.destroy();
  }, 120_000);

  it('keeps the event in the outbox during the outage and relays it when Kafka is back', async () => {
    await broker.stop();
    const runId = randomUUID();
    await catalogueDb.transaction((manager) => publishInTransaction(manager, CatalogueEvents.RunScheduled, runId, runScheduled(runId, 30)));

    await eventually(async () => (relay.healthy ? undefined : true), 60_000, 'the relay to notice the outage');
    const waiting = await catalogueDb.getRepository(OutboxMessageEntity).findOneByOrFail({ messageKey: runId });
    expect(waiting.publishedAt).toBeNull();

    await broker.start();
    const stored = await eventually(() => knownRun(enrolments.dataSource, runId), 60_000, 'the run after the outage');
    expect(stored.capacity).toBe(30);
    expect(relay.healthy).toBe(true);
  }, 120_000);
});
