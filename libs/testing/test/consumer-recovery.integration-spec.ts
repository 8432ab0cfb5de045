import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { create, toBinary } from '@bufbuild/protobuf';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { CatalogueEvents, TOPICS } from '@napl/contracts';
import { envelopeToHeaders, MessagingTablesMigration, newEnvelope } from '@napl/messaging';
import { dropTestDatabase, newTestDatabaseUrl, newTopicPrefix, openServiceDataSource, OwnBroker, testInfraFromEnv, testKafkaSasl } from '../src';

class ProbeMessagingTables1764050000000 extends MessagingTablesMigration {}

/** What users see as "recovered": an event published now is applied within this time. */
const RECOVERY_LIMIT_MS = 10_000;
const ROOT = join(__dirname, '..', '..', '..');

interface Step {
  readonly step: string;
  readonly at: number;
  readonly runId?: string;
  readonly error?: string;
}

/**
 * A service instance's consumer in a child process (fixtures/consumer-process.ts, run by ts-node), so the test can
 * SIGKILL it as a crashed machine would die: no leaving the group, no goodbye to the broker.
 */
class ConsumerProcess {
  readonly steps: Step[] = [];
  readonly spawnedAt = Date.now();
  private readonly output: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(
      process.execPath,
      [require.resolve('ts-node/dist/bin'), '--transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'fixtures', 'consumer-process.ts')],
      {
        cwd: ROOT,
        // kafkajs picks test-mode retry defaults under NODE_ENV=test (jest's): run the fixture as production runs.
        env: { ...process.env, NODE_ENV: 'production', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('fixture:')) this.steps.push(JSON.parse(line.slice('fixture:'.length)) as Step);
        this.output.push(line);
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** The first report of `step` (and run id), waiting for it up to `timeoutMs`. */
  async waitFor(step: string, timeoutMs: number, runId?: string): Promise<Step> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.steps.find((s) => s.step === step && (runId === undefined || s.runId === runId));
      if (found) return found;
      const failed = this.steps.find((s) => s.step === 'failed' || s.step === 'crashed');
      if (failed || Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`The consumer process did not report ${step} ${runId ?? ''} (${failed?.error ?? 'timed out'}); its output:\n${this.output.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode === null) this.child.kill(signal);
    await this.exited;
  }
}

/**
 * How fast a consumer comes back: after its broker restarts, and when an instance is killed and started again (its
 * old group member is dead but still registered). Each measures the time until a new event is applied.
 */
describe('consumer recovery times', () => {
  const topicPrefix = newTopicPrefix();
  const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), 'consumer_recovery');
  const runTopic = topicPrefix + TOPICS.catalogueRun.name;
  let dataSource: DataSource;
  const processes: ConsumerProcess[] = [];

  function startConsumer(brokers: string, groupId: string): ConsumerProcess {
    const started = new ConsumerProcess({
      FIXTURE_BROKERS: brokers,
      FIXTURE_DATABASE_URL: databaseUrl,
      FIXTURE_TOPIC_PREFIX: topicPrefix,
      FIXTURE_GROUP_ID: groupId,
    });
    processes.push(started);
    return started;
  }

  async function createTopics(brokers: string): Promise<void> {
    const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING, sasl: testKafkaSasl() }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: runTopic, numPartitions: TOPICS.catalogueRun.partitions }], waitForLeaders: true });
    await admin.disconnect();
  }

  /** Publishes one RunCancelled with a producer of its own (kafkajs retries while the broker settles). */
  async function publish(brokers: string): Promise<string> {
    const runId = randomUUID();
    const producer = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING, sasl: testKafkaSasl(), retry: { retries: 30, maxRetryTime: 500 } }).producer();
    await producer.connect();
    try {
      const value = Buffer.from(toBinary(CatalogueEvents.RunCancelled.schema, create(CatalogueEvents.RunCancelled.schema, { runId, offerId: randomUUID() })));
      await producer.send({ topic: runTopic, messages: [{ key: runId, value, headers: envelopeToHeaders(newEnvelope(CatalogueEvents.RunCancelled.type)) }] });
    } finally {
      await producer.disconnect();
    }
    return runId;
  }

  beforeAll(async () => {
    dataSource = await openServiceDataSource('probe', databaseUrl, [], [ProbeMessagingTables1764050000000]);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    await dataSource?.destroy();
    await dropTestDatabase(databaseUrl);
  });

  it('a new instance consumes within 10 s of its start after the previous one was killed', async () => {
    const brokers = testInfraFromEnv().kafkaBrokers.join(',');
    const groupId = `${topicPrefix}killed`;
    await createTopics(testInfraFromEnv().kafkaBrokers[0]);
    const first = startConsumer(brokers, groupId);
    await first.waitFor('joined', 60_000);
    const before = await publish(brokers);
    await first.waitFor('applied', 30_000, before);

    await first.kill('SIGKILL');
    const second = startConsumer(brokers, groupId);
    const runId = await publish(brokers);
    const applied = await second.waitFor('applied', 60_000, runId);

    const starting = await second.waitFor('starting', 0);
    const fromSpawn = applied.at - second.spawnedAt;
    const fromConsumerStart = applied.at - starting.at;
    console.log(
      `killed instance: the new instance applied an event ${(fromSpawn / 1000).toFixed(1)} s after it was spawned ` +
        `(${(fromConsumerStart / 1000).toFixed(1)} s after its consumer started; boot took ${((starting.at - second.spawnedAt) / 1000).toFixed(1)} s)`,
    );
    expect(fromSpawn).toBeLessThan(RECOVERY_LIMIT_MS);
  }, 180_000);

  describe('with a broker of its own', () => {
    // On free ports and with a folder of this run's own: other test runs on the machine may run this file meanwhile.
    let broker: OwnBroker;

    beforeAll(async () => {
      broker = await OwnBroker.onFreePorts('consumer-recovery');
      await broker.start();
      await createTopics(broker.brokers);
    }, 120_000);

    afterAll(async () => {
      await broker?.destroy();
    }, 120_000);

    it('consumes again within 10 s of the broker answering after a restart', async () => {
      const consumer = startConsumer(broker.brokers, `${topicPrefix}restart`);
      await consumer.waitFor('joined', 60_000);
      const before = await publish(broker.brokers);
      await consumer.waitFor('applied', 30_000, before);

      await broker.stop();
      // An outage long enough for the consumer to notice it and give up its connections.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await broker.start();
      const answering = Date.now();
      const runId = await publish(broker.brokers);
      const applied = await consumer.waitFor('applied', 90_000, runId);

      const elapsed = applied.at - answering;
      console.log(`broker restart: an event was applied ${(elapsed / 1000).toFixed(1)} s after the broker answered again`);
      expect(elapsed).toBeLessThan(RECOVERY_LIMIT_MS);
    }, 240_000);
  });
});
