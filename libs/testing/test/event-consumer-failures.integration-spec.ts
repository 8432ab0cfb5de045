import { randomUUID } from 'node:crypto';
import { Partitioners, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { CatalogueEvents, deadLetterTopicOf, TOPICS, type RunCancelled } from '@napl/contracts';
import {
  createKafka,
  EventConsumer,
  EventFailureEntity,
  MessagingTablesMigration,
  OutboxDeliveryMigration,
  OutboxRelay,
  ProcessedEventEntity,
  publishInTransaction,
  type EventHandler,
  type KafkaConnection,
} from '@napl/messaging';
import { dropTestDatabase, eventually, newTestDatabaseUrl, newTopicPrefix, openServiceDataSource, testInfraFromEnv, TopicProbe } from '../src';

class ProbeMessagingTables1764050000000 extends MessagingTablesMigration {}
class ProbeOutboxDelivery1796100000000 extends OutboxDeliveryMigration {}

/** A handler whose effect fails a set number of times per run id (Infinity: always). */
class FlakyHandler implements EventHandler<typeof CatalogueEvents.RunCancelled> {
  readonly contract = CatalogueEvents.RunCancelled;
  readonly applied: string[] = [];
  private readonly failuresLeft = new Map<string, number>();

  failFor(runId: string, times: number): void {
    this.failuresLeft.set(runId, times);
  }

  async handle(event: RunCancelled): Promise<void> {
    const left = this.failuresLeft.get(event.runId) ?? 0;
    if (left > 0) {
      this.failuresLeft.set(event.runId, left - 1);
      throw new Error(`database said no to ${event.runId}`);
    }
    this.applied.push(event.runId);
  }
}

describe('an event whose handler fails (messaging lib)', () => {
  const topicPrefix = newTopicPrefix();
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'consumer_failures');
  const connection: KafkaConnection = { clientId: 'failure-test', brokers: testInfraFromEnv().kafkaBrokers, topicPrefix, sasl: testInfraFromEnv().kafkaSasl };
  const kafka = createKafka(connection);
  const handler = new FlakyHandler();
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let deadLetterProducer: Producer;
  let deadLetters: TopicProbe;

  beforeAll(async () => {
    dataSource = await openServiceDataSource('probe', databaseUrl, [], [ProbeMessagingTables1764050000000, ProbeOutboxDelivery1796100000000]);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [TOPICS.catalogueRun.name, deadLetterTopicOf(TOPICS.catalogueRun.name)].map((topic) => ({
        topic: topicPrefix + topic,
        numPartitions: 1,
      })),
    });
    await admin.disconnect();
    relay = new OutboxRelay(dataSource, kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner }), {
      service: 'probe',
      topicPrefix,
      pollIntervalMs: 50,
    });
    deadLetterProducer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    consumer = new EventConsumer(kafka, dataSource, deadLetterProducer, [handler], {
      connection,
      groupId: `${topicPrefix}probe`,
      maxAttempts: 3,
      retryDelayMs: 20,
    });
    deadLetters = await TopicProbe.on(topicPrefix + deadLetterTopicOf(TOPICS.catalogueRun.name));
    relay.start();
    await consumer.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await deadLetters?.close();
    await dataSource?.destroy();
    await dropTestDatabase(databaseUrl);
  });

  async function publish(runId: string): Promise<void> {
    // One key for all, so the events share a partition and the later one waits for the failing one.
    await dataSource.transaction((manager) =>
      publishInTransaction(manager, CatalogueEvents.RunCancelled, 'one-partition', { runId, offerId: randomUUID(), reason: 'test' }),
    );
  }

  it('retries a handler that fails for a while and applies the event once', async () => {
    const runId = randomUUID();
    handler.failFor(runId, 2);
    await publish(runId);

    await eventually(async () => (handler.applied.includes(runId) ? true : undefined), 20_000, 'the event to be applied');
    const failure = await dataSource.getRepository(EventFailureEntity).findOneByOrFail({ topic: topicPrefix + TOPICS.catalogueRun.name });
    expect(failure.attempts).toBe(2);
    expect(failure.deadLetteredAt).toBeNull();
    expect(handler.applied.filter((applied) => applied === runId)).toHaveLength(1);
  });

  it('sends an event that keeps failing to the dead-letter topic after the last try, then processes the next', async () => {
    const doomed = randomUUID();
    const next = randomUUID();
    handler.failFor(doomed, Infinity);
    await publish(doomed);
    await publish(next);

    await eventually(async () => (handler.applied.includes(next) ? true : undefined), 20_000, 'the next event');
    const [deadLetter] = await eventually(async () => (deadLetters.messages.length > 0 ? deadLetters.messages : undefined));
    expect(deadLetter.headers['napl-dlt-reason']).toBe(`database said no to ${doomed}`);
    expect(deadLetter.headers['napl-dlt-attempts']).toBe('3');
    expect(handler.applied).not.toContain(doomed);
    // The failed event is not recorded as processed: a replay after a fix may still apply it.
    const processed = await dataSource.getRepository(ProcessedEventEntity).countBy({ consumerGroup: `${topicPrefix}probe` });
    expect(processed).toBe(2);
  });
});
