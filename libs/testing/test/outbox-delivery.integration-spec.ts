import { ConfigResourceTypes, KafkaJSConnectionError, Partitioners, type Producer, type ProducerBatch, type ProducerRecord } from 'kafkajs';
import type { DataSource } from 'typeorm';
import {
  cleanUpMessagingTables,
  createKafka,
  envelopeToHeaders,
  MessagingRetention,
  MessagingTablesMigration,
  newEnvelope,
  OutboxDeliveryMigration,
  OutboxMessageEntity,
  OutboxRelay,
  parkedMessages,
  readOutboxState,
  resendParkedMessages,
  topicExistsIn,
  type KafkaConnection,
  type OutboxRelayOptions,
} from '@napl/messaging';
import {
  dropTestDatabase,
  eventually,
  newTestDatabaseUrl,
  newTopicPrefix,
  openServiceDataSource,
  OwnBroker,
  testInfraFromEnv,
  TopicProbe,
} from '../src';

class ProbeMessagingTables1764050000000 extends MessagingTablesMigration {}
class ProbeOutboxDelivery1796100000000 extends OutboxDeliveryMigration {}
const MIGRATIONS = [ProbeMessagingTables1764050000000, ProbeOutboxDelivery1796100000000];

/** Each message carries a label in a header, so a test can tell what arrived, and in which order. */
const LABEL = 'x-test-label';
const EVENT_TYPE = 'napl.testing.OutboxDeliveryProbe';
const TOPIC = {
  /** max.message.bytes 2048: a larger message can never be written, until the limit is raised. */
  small: 'napl.test.small.v1',
  orders: 'napl.test.orders.v1',
  /** Never created. */
  missing: 'napl.test.missing.v1',
};

const topicPrefix = newTopicPrefix();
const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'outbox_delivery');
const connection: KafkaConnection = { clientId: 'outbox-delivery-test', brokers: testInfraFromEnv().kafkaBrokers, topicPrefix, sasl: testInfraFromEnv().kafkaSasl };
// Few and quick retries inside kafkajs, so that each try of the relay ends soon.
const kafka = createKafka(connection, { retry: { initialRetryTime: 100, retries: 2 } });

function newProducer(): Producer {
  return kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
}

function newRelay(dataSource: DataSource, producer: Producer, options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
  return new OutboxRelay(dataSource, producer, { service: 'test', topicPrefix, pollIntervalMs: 50, maxBackoffMs: 200, ...options });
}

interface Written {
  readonly eventId: string;
  readonly label: string;
}

/** Writes outbox rows as a service would, all in one transaction (so a polling relay sees them together). */
async function write(dataSource: DataSource, ...rows: { topic: string; key: string; label: string; bytes?: number }[]): Promise<Written[]> {
  const written = rows.map((row) => ({ ...row, envelope: newEnvelope(EVENT_TYPE) }));
  await dataSource.transaction((manager) =>
    manager.insert(
      OutboxMessageEntity,
      written.map(({ topic, key, label, bytes, envelope }) => ({
        eventId: envelope.eventId,
        topic,
        messageKey: key,
        eventType: EVENT_TYPE,
        payload: Buffer.alloc(bytes ?? 16, 'x'),
        headers: { ...envelopeToHeaders(envelope), [LABEL]: label },
        occurredAt: new Date(envelope.occurredAt),
        publishedAt: null,
      })),
    ),
  );
  return written.map(({ envelope, label }) => ({ eventId: envelope.eventId, label }));
}

function outboxRow(dataSource: DataSource, written: Written): Promise<OutboxMessageEntity> {
  return dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ eventId: written.eventId });
}

/** The labels of a key's messages as they arrived, each once (a redelivery after a crash may repeat a message). */
function arrived(probe: TopicProbe, key: string): string[] {
  const labels = probe.messages.filter((message) => message.key === key).map((message) => message.headers[LABEL]);
  return [...new Set(labels)];
}

async function arrivedAll(probe: TopicProbe, key: string, labels: string[]): Promise<string[]> {
  return eventually(
    async () => (labels.every((label) => arrived(probe, key).includes(label)) ? arrived(probe, key) : undefined),
    20_000,
    `${labels.join(', ')} on key ${key}`,
  );
}

async function alterTopic(name: string, configEntries: { name: string; value: string }[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topicPrefix + name, configEntries }] });
  } finally {
    await admin.disconnect();
  }
}

/**
 * A producer whose sends wait while the gate is closed (a slow Kafka, or a relay that hangs mid-send), and that
 * counts the sends it was asked for.
 */
class Gate {
  calls = 0;
  private closed?: { promise: Promise<void>; release: (error?: Error) => void };
  private waiting = 0;
  private onEnter: (() => void)[] = [];

  close(): void {
    let release!: (error?: Error) => void;
    const promise = new Promise<void>((resolve, reject) => (release = (error) => (error ? reject(error) : resolve())));
    promise.catch(() => undefined);
    this.closed = { promise, release };
  }

  /** Lets the waiting sends through, or fails them with `error`. */
  open(error?: Error): void {
    this.closed?.release(error);
    this.closed = undefined;
  }

  /** Resolves once a send waits at the closed gate. */
  entered(): Promise<void> {
    return this.waiting > 0 ? Promise.resolve() : new Promise((resolve) => this.onEnter.push(resolve));
  }

  wrap(producer: Producer): Producer {
    const pass = async () => {
      this.calls += 1;
      const closed = this.closed;
      if (!closed) return;
      this.waiting += 1;
      this.onEnter.splice(0).forEach((resolve) => resolve());
      try {
        await closed.promise;
      } finally {
        this.waiting -= 1;
      }
    };
    return new Proxy(producer, {
      get(target, property) {
        if (property === 'send') {
          return async (record: ProducerRecord) => {
            await pass();
            return target.send(record);
          };
        }
        if (property === 'sendBatch') {
          return async (batch: ProducerBatch) => {
            await pass();
            return target.sendBatch(batch);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

describe('the outbox relay (messaging lib)', () => {
  const probes: TopicProbe[] = [];
  const dataSources: DataSource[] = [];
  let small: TopicProbe;
  let orders: TopicProbe;

  /** A schema of its own per test group, so that each group's relays see only their own rows. */
  async function openSchema(name: string): Promise<DataSource> {
    const dataSource = await openServiceDataSource(name, databaseUrl, [], MIGRATIONS);
    dataSources.push(dataSource);
    return dataSource;
  }

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: topicPrefix + TOPIC.small, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '2048' }] },
        { topic: topicPrefix + TOPIC.orders, numPartitions: 3 },
      ],
    });
    await admin.disconnect();
    [small, orders] = await Promise.all([TOPIC.small, TOPIC.orders].map((topic) => TopicProbe.on(topicPrefix + topic)));
    probes.push(small, orders);
  });

  afterAll(async () => {
    await Promise.all(probes.map((probe) => probe.close()));
    for (const dataSource of dataSources) await dataSource.destroy();
    await dropTestDatabase(databaseUrl);
  });

  describe('a message Kafka can never take', () => {
    let dataSource: DataSource;
    let relay: OutboxRelay;

    beforeAll(async () => {
      dataSource = await openSchema('outbox_parking');
      // Small claims: rows waiting behind a parked one must not fill them and starve the other keys.
      relay = newRelay(dataSource, newProducer(), { batchSize: 2, maxAttempts: 3, maxRetryDelayMs: 200, topicExists: topicExistsIn(kafka) });
      relay.start();
    });

    afterAll(() => relay?.stop());

    it('is parked after its tries and no longer blocks other keys; its own key waits until it is re-sent, then both arrive in order', async () => {
      const [big, b1, aLater, aLast, c1] = await write(
        dataSource,
        { topic: TOPIC.small, key: 'key-a', label: 'a-big', bytes: 8_000 },
        { topic: TOPIC.small, key: 'key-b', label: 'b1' },
        { topic: TOPIC.small, key: 'key-a', label: 'a-later' },
        { topic: TOPIC.small, key: 'key-a', label: 'a-last' },
        { topic: TOPIC.small, key: 'key-c', label: 'c1' },
      );

      const parked = await eventually(async () => ((await outboxRow(dataSource, big)).parkedAt ? outboxRow(dataSource, big) : undefined), 20_000, 'the big message to be parked');
      expect(parked).toMatchObject({ attempts: 3, publishedAt: null, lockedUntil: null });
      expect(parked.lastError).toMatch(/MESSAGE_TOO_LARGE/);
      // Messages of other keys, in the same partition, written before and after the parked one, all arrive.
      const [c2] = await write(dataSource, { topic: TOPIC.small, key: 'key-c', label: 'c2' });
      expect(await arrivedAll(small, 'key-b', [b1.label])).toEqual(['b1']);
      expect(await arrivedAll(small, 'key-c', [c1.label, c2.label])).toEqual(['c1', 'c2']);
      // The later messages of the parked one's key were passed over: never tried, not sent.
      for (const later of [aLater, aLast]) expect(await outboxRow(dataSource, later)).toMatchObject({ publishedAt: null, attempts: 0, claimedBy: null });
      expect(arrived(small, 'key-a')).toEqual([]);
      expect(await readOutboxState(dataSource)).toMatchObject({ parked: 1, backlog: 2 });
      expect(await parkedMessages(dataSource)).toEqual([expect.objectContaining({ eventId: big.eventId, key: 'key-a', attempts: 3 })]);

      // The fix: the topic takes larger messages. A message written straight to Kafka shows it is in force.
      await alterTopic(TOPIC.small, [{ name: 'max.message.bytes', value: '1048588' }]);
      const direct = newProducer();
      await direct.connect();
      await eventually(() => direct.send({ topic: topicPrefix + TOPIC.small, acks: -1, messages: [{ key: 'canary', value: Buffer.alloc(8_000) }] }), 20_000, 'the raised limit');
      await direct.disconnect();

      expect(await resendParkedMessages(dataSource, { eventIds: [big.eventId] })).toEqual([big.eventId]);
      expect(await arrivedAll(small, 'key-a', [big.label, aLater.label, aLast.label])).toEqual(['a-big', 'a-later', 'a-last']);
      expect(await readOutboxState(dataSource)).toMatchObject({ parked: 0, backlog: 0 });
    });

    it('parks a message for a topic that does not exist, and sends it once the topic is there', async () => {
      const [lost] = await write(dataSource, { topic: TOPIC.missing, key: 'key-m', label: 'm1' });
      const [d1] = await write(dataSource, { topic: TOPIC.small, key: 'key-d', label: 'd1' });

      await arrivedAll(small, 'key-d', [d1.label]);
      const parked = await eventually(async () => ((await outboxRow(dataSource, lost)).parkedAt ? outboxRow(dataSource, lost) : undefined), 30_000, 'the message to be parked');
      expect(parked.attempts).toBe(3);
      expect(parked.lastError).toMatch(/UNKNOWN_TOPIC_OR_PARTITION: topic .*napl\.test\.missing\.v1 does not exist/);

      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: topicPrefix + TOPIC.missing, numPartitions: 1 }] });
      await admin.disconnect();
      const missing = await TopicProbe.on(topicPrefix + TOPIC.missing);
      probes.push(missing);
      expect(await resendParkedMessages(dataSource, { all: true })).toEqual([lost.eventId]);
      expect(await arrivedAll(missing, 'key-m', [lost.label])).toEqual(['m1']);
      expect(await outboxRow(dataSource, lost)).toMatchObject({ attempts: 0, parkedAt: null });
    });
  });

  describe('Kafka away for a while', () => {
    // A broker of the test's own, to stop and start again without disturbing anyone else's tests.
    const broker = OwnBroker.create(19392, 'outbox-delivery');
    const ownKafka = createKafka({ ...connection, brokers: [broker.brokers] }, { retry: { initialRetryTime: 100, retries: 1 } });
    const gate = new Gate();
    let dataSource: DataSource;
    let relay: OutboxRelay;

    beforeAll(async () => {
      await broker.start();
      const admin = ownKafka.admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: topicPrefix + TOPIC.orders, numPartitions: 1 }] });
      await admin.disconnect();
      dataSource = await openSchema('outbox_outage');
      // One try parks a refused message: a failure counted as a try would show at once.
      const producer = ownKafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      relay = newRelay(dataSource, gate.wrap(producer), { maxAttempts: 1, topicExists: topicExistsIn(ownKafka) });
      relay.start();
    }, 120_000);

    afterAll(async () => {
      await relay?.stop();
      await broker.destroy();
    }, 60_000);

    it('does not count as a try: the relay gives the claim back, backs off, and sends the message when Kafka is back', async () => {
      const published = (row: Written) => async () => ((await outboxRow(dataSource, row)).publishedAt ? true : undefined);
      const [first] = await write(dataSource, { topic: TOPIC.orders, key: 'key-o', label: 'o1' });
      await eventually(published(first), 20_000, 'the relay to work with this broker');

      await broker.stop();
      const sendsBefore = gate.calls;
      const [waiting] = await write(dataSource, { topic: TOPIC.orders, key: 'key-o', label: 'o2' });
      // The relay claims it and fails to send it: it says it is unhealthy, or (wrongly) counts a try.
      const afterFailure = await eventually(async () => {
        const row = await outboxRow(dataSource, waiting);
        return gate.calls > sendsBefore && (!relay.healthy || row.attempts > 0) ? row : undefined;
      }, 30_000, 'a failed send');
      expect(afterFailure).toMatchObject({ attempts: 0, parkedAt: null, lastError: null, claimedBy: null, publishedAt: null });

      await broker.start();
      await eventually(published(waiting), 30_000, 'the message sent after the broker came back');
      expect(await outboxRow(dataSource, waiting)).toMatchObject({ attempts: 0, parkedAt: null });
      await eventually(async () => (relay.healthy ? true : undefined), 10_000, 'the relay to be healthy again');
    }, 90_000);
  });

  describe('while it waits for Kafka', () => {
    let dataSource: DataSource;
    let relay: OutboxRelay;
    const gate = new Gate();

    beforeAll(async () => {
      dataSource = await openSchema('outbox_locks');
      relay = newRelay(dataSource, gate.wrap(newProducer()));
      relay.start();
    });

    afterAll(async () => {
      gate.open();
      await relay?.stop();
    });

    it('holds no database lock: another transaction may change the rows being sent, and no transaction stays open', async () => {
      gate.close();
      const entered = gate.entered();
      const [sending] = await write(dataSource, { topic: TOPIC.orders, key: 'key-l', label: 'l1' });
      await entered;

      const table = dataSource.getMetadata(OutboxMessageEntity).tablePath;
      await dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '1s'`);
        await manager.query(`UPDATE ${table} SET last_error = last_error WHERE event_id = $1`, [sending.eventId]);
      });
      const [open] = await dataSource.query(
        `SELECT count(*)::int AS transactions,
                (SELECT count(*)::int FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                  WHERE d.datname = current_database() AND l.locktype = 'advisory') AS advisory
           FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(open).toEqual({ transactions: 0, advisory: 0 });
      // The row is the relay's by its lease alone.
      const claimed = await outboxRow(dataSource, sending);
      expect(claimed.claimedBy).not.toBeNull();
      expect(claimed.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

      gate.open();
      expect(await arrivedAll(orders, 'key-l', [sending.label])).toEqual(['l1']);
      await eventually(async () => ((await outboxRow(dataSource, sending)).publishedAt ? true : undefined), 10_000, 'the row marked published');
    });
  });

  describe('two relays on one outbox', () => {
    let dataSource: DataSource;
    let secondDataSource: DataSource;

    beforeAll(async () => {
      dataSource = await openSchema('outbox_order');
      secondDataSource = await openSchema('outbox_order');
    });

    it('keep the order per key: one does not send what waits behind the rows the other is sending', async () => {
      const gate = new Gate();
      const slow = newRelay(dataSource, gate.wrap(newProducer()), { batchSize: 4 });
      const fast = newRelay(secondDataSource, newProducer(), { batchSize: 4 });
      try {
        gate.close();
        const entered = gate.entered();
        slow.start();
        const rows = await write(
          dataSource,
          ...[1, 2, 3, 4].flatMap((n) => [
            { topic: TOPIC.orders, key: 'key-1', label: `1.${n}` },
            { topic: TOPIC.orders, key: 'key-2', label: `2.${n}` },
          ]),
        );
        await entered; // The slow relay holds the first four rows (two of each key) and waits for Kafka.

        fast.start();
        const [other] = await write(dataSource, { topic: TOPIC.orders, key: 'key-3', label: '3.1' });
        await arrivedAll(orders, 'key-3', [other.label]);
        // The fast relay has claimed since: it sent the other key, and left the rest of keys 1 and 2 alone.
        for (const row of rows.slice(4)) expect(await outboxRow(dataSource, row)).toMatchObject({ claimedBy: null, publishedAt: null });
        expect(arrived(orders, 'key-1')).toEqual([]);

        gate.open();
        expect(await arrivedAll(orders, 'key-1', ['1.1', '1.2', '1.3', '1.4'])).toEqual(['1.1', '1.2', '1.3', '1.4']);
        expect(await arrivedAll(orders, 'key-2', ['2.1', '2.2', '2.3', '2.4'])).toEqual(['2.1', '2.2', '2.3', '2.4']);
      } finally {
        gate.open();
        await slow.stop();
        await fast.stop();
      }
    });

    it('after a relay hangs mid-send, the other sends its rows once the lease has passed, in order; the first then marks nothing', async () => {
      const gate = new Gate();
      const hanging = newRelay(dataSource, gate.wrap(newProducer()), { leaseMs: 1_500 });
      const other = newRelay(secondDataSource, newProducer());
      try {
        gate.close();
        const entered = gate.entered();
        hanging.start();
        const rows = await write(dataSource, ...[1, 2, 3].map((n) => ({ topic: TOPIC.orders, key: 'key-4', label: `4.${n}` })));
        await entered;
        const lease = (await outboxRow(dataSource, rows[0])).lockedUntil!;

        other.start();
        expect(await arrivedAll(orders, 'key-4', ['4.1', '4.2', '4.3'])).toEqual(['4.1', '4.2', '4.3']);
        const published = await eventually(async () => {
          const all = await Promise.all(rows.map((row) => outboxRow(dataSource, row)));
          return all.every((row) => row.publishedAt) ? all : undefined;
        });
        for (const row of published) expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(lease.getTime());

        // The hanging relay comes back: it sends its claim again (at least once), but it no longer holds the rows.
        gate.open();
        await eventually(async () => (arrived(orders, 'key-4').length === 3 && orders.messages.filter((m) => m.key === 'key-4').length === 6 ? true : undefined));
        await hanging.stop();
        const after = await Promise.all(rows.map((row) => outboxRow(dataSource, row)));
        expect(after.map((row) => row.publishedAt!.getTime())).toEqual(published.map((row) => row.publishedAt!.getTime()));
      } finally {
        gate.open(new KafkaJSConnectionError('gone'));
        await hanging.stop();
        await other.stop();
      }
    });
  });

  describe('retention', () => {
    let dataSource: DataSource;

    beforeAll(async () => {
      dataSource = await openSchema('outbox_retention');
    });

    it('deletes old published rows, old processed ids and settled old failures, in batches, and keeps the rest', async () => {
      const outbox = dataSource.getMetadata(OutboxMessageEntity).tablePath;
      const day = (n: number) => `now() - interval '${n} days'`;
      await write(dataSource, ...['old-1', 'old-2', 'old-3', 'recent', 'unpublished', 'parked'].map((label) => ({ topic: TOPIC.orders, key: label, label })));
      await dataSource.query(`UPDATE ${outbox} SET published_at = ${day(10)}, occurred_at = ${day(10)} WHERE headers->>'${LABEL}' LIKE 'old-%'`);
      await dataSource.query(`UPDATE ${outbox} SET published_at = ${day(1)} WHERE headers->>'${LABEL}' = 'recent'`);
      await dataSource.query(`UPDATE ${outbox} SET occurred_at = ${day(40)} WHERE headers->>'${LABEL}' = 'unpublished'`);
      await dataSource.query(`UPDATE ${outbox} SET occurred_at = ${day(40)}, parked_at = ${day(40)}, attempts = 10 WHERE headers->>'${LABEL}' = 'parked'`);

      const ids = {
        old: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'],
        recent: '00000000-0000-4000-8000-000000000004',
        resolvedRecently: '00000000-0000-4000-8000-000000000005',
      };
      await dataSource.query(
        `INSERT INTO processed_event (consumer_group, event_id, event_type, processed_at) VALUES
           ('g', $1, 't', ${day(40)}), ('g', $2, 't', ${day(40)}), ('g', $3, 't', ${day(40)}),
           ('g', $4, 't', ${day(1)}), ('g', $5, 't', ${day(1)})`,
        [...ids.old, ids.recent, ids.resolvedRecently],
      );
      await dataSource.query(
        `INSERT INTO event_failure (consumer_group, event_id, topic, attempts, last_error, dead_lettered_at, updated_at) VALUES
           ('g', 'dead-lettered-long-ago', 't', 5, 'e', ${day(40)}, ${day(40)}),
           ('g', $1, 't', 2, 'e', NULL, ${day(40)}),
           ('g', $2, 't', 2, 'e', NULL, ${day(40)}),
           ('g', 'still-failing', 't', 2, 'e', NULL, ${day(40)}),
           ('g', 'dead-lettered-lately', 't', 5, 'e', ${day(1)}, ${day(1)})`,
        [ids.old[0], ids.resolvedRecently],
      );

      const retention = { outboxRetentionMs: 7 * 86_400_000, inboxRetentionMs: 30 * 86_400_000 };
      // Two rows per DELETE: three old rows of each kind take two statements.
      expect(await cleanUpMessagingTables(dataSource, { ...retention, batchSize: 2 })).toEqual({ outboxMessages: 3, processedEvents: 3, eventFailures: 3 });

      const left = await dataSource.getRepository(OutboxMessageEntity).find({ order: { position: 'ASC' } });
      expect(left.map((row) => row.headers[LABEL])).toEqual(['recent', 'unpublished', 'parked']);
      const processed = await dataSource.query(`SELECT event_id FROM processed_event ORDER BY event_id`);
      expect(processed.map((row: { event_id: string }) => row.event_id)).toEqual([ids.recent, ids.resolvedRecently]);
      const failures = await dataSource.query(`SELECT event_id FROM event_failure ORDER BY event_id`);
      // Kept: a failure still being retried (neither dead-lettered nor handled), and a recent one.
      expect(failures.map((row: { event_id: string }) => row.event_id)).toEqual(['dead-lettered-lately', 'still-failing']);
      expect(await cleanUpMessagingTables(dataSource, retention)).toEqual({ outboxMessages: 0, processedEvents: 0, eventFailures: 0 });

      // The service runs it in the background, every interval.
      await dataSource.query(`UPDATE ${outbox} SET published_at = ${day(8)} WHERE headers->>'${LABEL}' = 'recent'`);
      const background = new MessagingRetention(dataSource, { ...retention, service: 'outbox_retention', intervalMs: 100 });
      background.start();
      try {
        const remaining = () => dataSource.getRepository(OutboxMessageEntity).find({ order: { position: 'ASC' } });
        const kept = await eventually(async () => ((await remaining()).length === 2 ? remaining() : undefined), 10_000, 'the background clean-up');
        expect(kept.map((row) => row.headers[LABEL])).toEqual(['unpublished', 'parked']);
      } finally {
        await background.stop();
      }
    });
  });
});
