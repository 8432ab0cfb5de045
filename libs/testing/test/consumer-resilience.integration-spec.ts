import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { CatalogueEvents, deadLetterTopicOf, TOPICS, type RunCancelled } from '@napl/contracts';
import {
  CONSUMER_GROUP_TIMING,
  createKafka,
  EventConsumer,
  EventFailureEntity,
  MessagingTablesMigration,
  redriveDeadLetters,
  redriveGroupOf,
  type EventHandler,
  type HandlerContext,
  type KafkaConnection,
} from '@napl/messaging';
import { dropTestDatabase, EventPublisher, eventually, newTestDatabaseUrl, newTopicPrefix, openServiceDataSource, testInfraFromEnv, TopicProbe } from '../src';

class ProbeMessagingTables1764050000000 extends MessagingTablesMigration {}

type Behaviour = 'apply' | 'fail' | 'wait-for-lock' | 'take-long';

/**
 * Counts each RunCancelled it applies in applied_effect (in the handler's transaction, so a rolled-back try leaves no
 * trace), in the order applied. Told per run id, it then fails for good ('fail', a bug) or takes a row lock without
 * waiting ('wait-for-lock': Postgres answers 55P03 lock_not_available while the test holds the row: a transient error),
 * or takes longer than the group's session timeout ('take-long').
 */
class ProbeHandler implements EventHandler<typeof CatalogueEvents.RunCancelled> {
  readonly contract = CatalogueEvents.RunCancelled;
  readonly behaviour = new Map<string, Behaviour>();
  readonly tries = new Map<string, number>();

  async handle(event: RunCancelled, { manager }: HandlerContext): Promise<void> {
    this.tries.set(event.runId, (this.tries.get(event.runId) ?? 0) + 1);
    await manager.query(
      `INSERT INTO applied_effect (run_id, times) VALUES ($1, 1) ON CONFLICT (run_id) DO UPDATE SET times = applied_effect.times + 1`,
      [event.runId],
    );
    const behaviour = this.behaviour.get(event.runId) ?? 'apply';
    if (behaviour === 'fail') throw new Error(`handler said no to ${event.runId}`);
    if (behaviour === 'wait-for-lock') await manager.query('SELECT id FROM contended_row WHERE id = 1 FOR UPDATE NOWAIT');
    if (behaviour === 'take-long') await new Promise((resolve) => setTimeout(resolve, CONSUMER_GROUP_TIMING.sessionTimeout + 2_000));
  }
}

/**
 * The consumer's resilience, with the real Postgres and Kafka: a transient database error is retried for as long as it
 * lasts without counting towards dead-lettering, a message waiting for its next try holds up neither the other
 * partitions nor (out of order) its own, and a dead letter re-driven after a fix is applied once.
 */
describe('a sturdier consumer (messaging lib)', () => {
  const topicPrefix = newTopicPrefix();
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'consumer_resilience');
  const connection: KafkaConnection = { clientId: 'resilience-test', brokers: testInfraFromEnv().kafkaBrokers, topicPrefix, sasl: testInfraFromEnv().kafkaSasl };
  const groupId = `${topicPrefix}probe`;
  const runTopic = topicPrefix + TOPICS.catalogueRun.name;
  const kafka = createKafka(connection);
  const handler = new ProbeHandler();
  const maxAttempts = 3;
  let dataSource: DataSource;
  let consumer: EventConsumer;
  let publisher: EventPublisher;
  let deadLetters: TopicProbe;
  let lockHolder: QueryRunner | undefined;

  beforeAll(async () => {
    dataSource = await openServiceDataSource('probe', databaseUrl, [], [ProbeMessagingTables1764050000000]);
    await dataSource.query('CREATE TABLE applied_effect (run_id text PRIMARY KEY, times integer NOT NULL, seq bigserial NOT NULL)');
    await dataSource.query('CREATE TABLE contended_row (id integer PRIMARY KEY)');
    await dataSource.query('INSERT INTO contended_row (id) VALUES (1)');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: runTopic, numPartitions: TOPICS.catalogueRun.partitions },
        { topic: topicPrefix + deadLetterTopicOf(TOPICS.catalogueRun.name), numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    publisher = await EventPublisher.connect(connection.brokers, topicPrefix);
    consumer = new EventConsumer(kafka, dataSource, kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner }), [handler], {
      connection,
      groupId,
      maxAttempts,
      retryDelayMs: 50,
    });
    deadLetters = await TopicProbe.on(topicPrefix + deadLetterTopicOf(TOPICS.catalogueRun.name));
    await consumer.start();
  });

  afterAll(async () => {
    await releaseRow();
    await consumer?.stop();
    await publisher?.close();
    await deadLetters?.close();
    await dataSource?.destroy();
    await dropTestDatabase(databaseUrl);
  });

  /** Publishes a RunCancelled for `runId` (keyed by it unless told; on the partition its key picks unless told); returns its event id. */
  function publish(runId: string, { key = runId, partition }: { key?: string; partition?: number } = {}): Promise<string> {
    return publisher.publish(CatalogueEvents.RunCancelled, key, { runId, offerId: randomUUID() }, { partitions: partition === undefined ? undefined : [partition] });
  }

  async function timesApplied(runId: string): Promise<number> {
    const [row] = await dataSource.query('SELECT times FROM applied_effect WHERE run_id = $1', [runId]);
    return row?.times ?? 0;
  }

  async function applied(runId: string, timeoutMs = 20_000): Promise<void> {
    await eventually(async () => ((await timesApplied(runId)) > 0 ? true : undefined), timeoutMs, `${runId} to be applied`);
  }

  /** Holds contended_row locked in a transaction of the test's own, until `releaseRow`. */
  async function lockRow(): Promise<void> {
    lockHolder = dataSource.createQueryRunner();
    await lockHolder.connect();
    await lockHolder.startTransaction();
    await lockHolder.query('SELECT id FROM contended_row WHERE id = 1 FOR UPDATE');
  }

  async function releaseRow(): Promise<void> {
    if (!lockHolder) return;
    await lockHolder.commitTransaction();
    await lockHolder.release();
    lockHolder = undefined;
  }

  async function failureOf(eventId: string): Promise<EventFailureEntity | null> {
    return dataSource.getRepository(EventFailureEntity).findOneBy({ consumerGroup: groupId, eventId });
  }

  it('retries a transient error (lock_not_available) for as long as it lasts, without counting it, and applies the event once', async () => {
    const runId = randomUUID();
    handler.behaviour.set(runId, 'wait-for-lock');
    await lockRow();
    const eventId = await publish(runId);

    // More tries than maxAttempts: a counted failure would have dead-lettered the event by now.
    await eventually(async () => ((handler.tries.get(runId) ?? 0) > maxAttempts + 1 ? true : undefined), 20_000, 'tries beyond maxAttempts');
    expect(await timesApplied(runId)).toBe(0);
    await releaseRow();

    await applied(runId);
    expect(await timesApplied(runId)).toBe(1);
    expect(await failureOf(eventId)).toBeNull();
    expect(deadLetters.messages.filter((message) => message.headers['napl-event-id'] === eventId)).toHaveLength(0);
  });

  it('goes on with the other partitions while a message waits for its next try, and keeps the order of its own', async () => {
    const [stuck, behindStuck, elsewhere] = [randomUUID(), randomUUID(), randomUUID()];
    handler.behaviour.set(stuck, 'wait-for-lock');
    await lockRow();
    await publish(stuck, { partition: 0 });
    await eventually(async () => ((handler.tries.get(stuck) ?? 0) >= 2 ? true : undefined), 20_000, 'the stuck event to be retried');
    await publish(behindStuck, { partition: 0 });
    await publish(elsewhere, { partition: 1 });

    await applied(elsewhere, 10_000);
    const triesWhenElsewhereApplied = handler.tries.get(stuck)!;
    expect(await timesApplied(stuck)).toBe(0);
    expect(await timesApplied(behindStuck)).toBe(0); // same partition: waits for the stuck one
    await eventually(async () => (handler.tries.get(stuck)! > triesWhenElsewhereApplied ? true : undefined), 20_000, 'more tries of the stuck event');
    await releaseRow();

    await applied(behindStuck);
    const order = (await dataSource.query('SELECT run_id FROM applied_effect WHERE run_id = ANY($1) ORDER BY seq', [[stuck, behindStuck]])) as { run_id: string }[];
    expect(order.map((row) => row.run_id)).toEqual([stuck, behindStuck]);
  });

  it('keeps its group membership through a handler that takes longer than the session timeout', async () => {
    const members = async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0].members.map((member) => member.memberId);
      } finally {
        await admin.disconnect();
      }
    };
    const before = await members();
    const runId = randomUUID();
    handler.behaviour.set(runId, 'take-long');
    await publish(runId);

    await applied(runId, 30_000);
    // Had its heartbeats stopped during the handler, the group would have dropped it and it would have joined anew.
    expect(await members()).toEqual(before);
    expect(handler.tries.get(runId)).toBe(1);
  }, 60_000);

  it('re-drives a dead letter after a fix: applied once; a second re-drive finds nothing new, and a repeated one changes nothing', async () => {
    const runId = randomUUID();
    handler.behaviour.set(runId, 'fail');
    const eventId = await publish(runId);
    await eventually(async () => ((await failureOf(eventId))?.deadLetteredAt ? true : undefined), 20_000, 'the event to be dead-lettered');
    expect(handler.tries.get(runId)).toBe(maxAttempts);

    handler.behaviour.set(runId, 'apply'); // the fix
    const redrive = () => redriveDeadLetters({ kafka, connection, groupId, topic: TOPICS.catalogueRun.name, dataSource, log: () => undefined });
    const first = await redrive();

    expect(first).toMatchObject({ read: 1, redriven: 1, skipped: 0, failuresCleared: 1 });
    await applied(runId);
    expect(await timesApplied(runId)).toBe(1);
    expect(handler.tries.get(runId)).toBe(maxAttempts + 1);
    expect(await failureOf(eventId)).toBeNull();

    expect(await redrive()).toMatchObject({ read: 0, redriven: 0 });

    // Re-driving everything once more (its group reset) sends the event again: the inbox applies it no second time.
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: redriveGroupOf(groupId, TOPICS.catalogueRun.name), topic: topicPrefix + deadLetterTopicOf(TOPICS.catalogueRun.name), earliest: true });
    await admin.disconnect();
    expect(await redrive()).toMatchObject({ read: 1, redriven: 1 });
    const later = randomUUID();
    await publish(later, { key: runId }); // the same key, so the same partition: consumed after the copy
    await applied(later);
    expect(await timesApplied(runId)).toBe(1);
    expect(handler.tries.get(runId)).toBe(maxAttempts + 1);
  });
});
