import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, toBinary } from '@bufbuild/protobuf';
import { logLevel, type Kafka, type Producer } from 'kafkajs';
import * as contracts from '@napl/contracts';
import { CatalogueEvents, deadLetterTopicOf, OfferApprovedSchema, QualityEvents, TOPICS, type EventContract } from '@napl/contracts';
import { envelopeToHeaders, kafkaAccessProblem, KAFKA_SERVICES, newEnvelope, topicsConsumedBy } from '@napl/messaging';
import { eventually, localKafkaCredentials, OwnBroker, testInfraFromEnv, testKafka } from '../src';

/**
 * The broker's authentication and ACLs, as tools/kafka/kafka.sh sets them up from libs/messaging/src/kafka-access.ts:
 * on a broker of the test's own (so it may use the platform's real topic names), each service's credentials may
 * write only its own topics and read only what it consumes, and wrong or missing credentials get nothing.
 */
const describeWithSasl = testInfraFromEnv().kafkaSasl ? describe : describe.skip;

const SERVICES = join(__dirname, '..', '..', '..', 'services');

/** The topics of a service's @OnEvent(<Service>Events.<Event>) handlers, read from its sources. */
function handledTopics(service: string): string[] {
  const topics = new Set<string>();
  for (const file of readdirSync(join(SERVICES, service, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
    for (const [, group, event] of readFileSync(join(SERVICES, service, 'src', file), 'utf8').matchAll(/@OnEvent\((\w+Events)\.(\w+)\)/g)) {
      const contract = (contracts as unknown as Record<string, Record<string, EventContract>>)[group]?.[event];
      if (!contract) throw new Error(`${service}/src/${file}: no contract ${group}.${event}`);
      topics.add(contract.topic.name);
    }
  }
  return [...topics].sort();
}

// Never cached (an integration test), so a handler added without its ACL fails the test command, not the demo.
it('declares, for each service, exactly the topics its event handlers read (libs/messaging/src/kafka-access.ts)', () => {
  for (const service of KAFKA_SERVICES) {
    expect({ service, consumes: topicsConsumedBy(service).map((topic) => topic.name).sort() }).toEqual({ service, consumes: handledTopics(service) });
  }
});

describeWithSasl('Kafka with authentication and ACLs', () => {
  let broker: OwnBroker;
  const clients: Array<{ disconnect(): Promise<void> }> = [];

  /**
   * A client of the own broker, logged in as a principal of the platform (with another password, when given). Its
   * requests are not retried (a refusal shows at once), but for consumers: their group coordinator (and the offsets
   * topic) may take a moment on a new broker.
   */
  const kafkaAs = (principal: string, options: { password?: string; retries?: number } = {}): Kafka =>
    testKafka({
      brokers: [broker.brokers],
      sasl: { ...localKafkaCredentials(principal), ...(options.password === undefined ? {} : { password: options.password }) },
      retry: { retries: options.retries ?? 0 },
    });

  const connectedProducer = async (kafka: Kafka): Promise<Producer> => {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    clients.push(producer);
    await producer.connect();
    return producer;
  };

  /** An OfferApproved as quality would publish it. */
  const offerApproved = (offerId: string) => ({
    key: offerId,
    value: Buffer.from(toBinary(OfferApprovedSchema, create(OfferApprovedSchema, { offerId }))),
    headers: envelopeToHeaders(newEnvelope(QualityEvents.OfferApproved.type)),
  });

  const endOffset = async (topic: string): Promise<number> => {
    const admin = testKafka({ brokers: [broker.brokers] }).admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  beforeAll(async () => {
    broker = await OwnBroker.onFreePorts('kafka-acls');
    await broker.start();
    // The topics as the services create them at start-up; here by the admin.
    const admin = testKafka({ brokers: [broker.brokers] }).admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [TOPICS.catalogueOffer.name, deadLetterTopicOf(TOPICS.catalogueOffer.name), TOPICS.qualityAssessment.name].map((topic) => ({ topic, numPartitions: 1 })),
      });
    } finally {
      await admin.disconnect();
    }
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) await client.disconnect().catch(() => undefined);
    await broker?.destroy();
  }, 60_000);

  it("lets catalogue publish on its own topic, but refuses it quality's: no forged OfferApproved", async () => {
    const catalogue = await connectedProducer(kafkaAs('catalogue'));
    const submitted = newEnvelope(CatalogueEvents.OfferSubmitted.type);
    await catalogue.send({ topic: TOPICS.catalogueOffer.name, acks: -1, messages: [{ key: randomUUID(), value: Buffer.alloc(0), headers: envelopeToHeaders(submitted) }] });

    const forged = catalogue.send({ topic: TOPICS.qualityAssessment.name, acks: -1, messages: [offerApproved(randomUUID())] });
    await expect(forged).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    expect(await endOffset(TOPICS.qualityAssessment.name)).toBe(0);
  });

  it("lets quality read catalogue's offers in its own group and dead-letter them, but not write catalogue's topic", async () => {
    const offerId = randomUUID();
    const catalogue = await connectedProducer(kafkaAs('catalogue'));
    await catalogue.send({ topic: TOPICS.catalogueOffer.name, acks: -1, messages: [{ key: offerId, value: Buffer.from('offer') }] });

    const quality = kafkaAs('quality');
    const consumer = kafkaAs('quality', { retries: 10 }).consumer({ groupId: 'napl.quality', allowAutoTopicCreation: false });
    clients.push(consumer);
    const keys: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.catalogueOffer.name, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void keys.push(String(message.key)) });
    await eventually(async () => (keys.includes(offerId) ? true : undefined), 30_000, "quality to read catalogue's offer");
    await consumer.disconnect();

    const qualityProducer = await connectedProducer(quality);
    await qualityProducer.send({ topic: deadLetterTopicOf(TOPICS.catalogueOffer.name), acks: -1, messages: [{ key: offerId, value: Buffer.from('offer') }] });
    const before = await endOffset(TOPICS.catalogueOffer.name);
    await expect(qualityProducer.send({ topic: TOPICS.catalogueOffer.name, acks: -1, messages: [{ key: offerId, value: Buffer.from('forged') }] })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    expect(await endOffset(TOPICS.catalogueOffer.name)).toBe(before);
  });

  it("refuses quality another service's consumer group", async () => {
    // kafkajs reports a refused FindCoordinator only as "Failed to find group coordinator"; its debug log has the cause.
    const refusals: string[] = [];
    const kafka = testKafka({
      brokers: [broker.brokers],
      sasl: localKafkaCredentials('quality'),
      retry: { retries: 0 },
      logLevel: logLevel.DEBUG,
      logCreator: () => ({ log }) => {
        const { error } = log as { error?: { type?: string } };
        if (error?.type) refusals.push(error.type);
      },
    });
    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();
    await admin.fetchTopicMetadata({ topics: [TOPICS.catalogueOffer.name] }); // quality may see the topic (and so the brokers)
    await expect(admin.fetchOffsets({ groupId: 'napl.catalogue', topics: [TOPICS.catalogueOffer.name] })).rejects.toThrow('Failed to find group coordinator');
    expect(refusals).toContain('GROUP_AUTHORIZATION_FAILED');
  });

  it('refuses a wrong password, and says which settings to check', async () => {
    const connection = { sasl: { ...localKafkaCredentials('catalogue'), password: 'not-the-password' } };
    const refused = await connectedProducer(kafkaAs('catalogue', { password: 'not-the-password' })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    expect(kafkaAccessProblem(refused, connection)).toMatch(/^Kafka refuses the credentials of catalogue \(SCRAM-SHA-512\): check KAFKA_SASL_USERNAME/);
  });

  it('refuses a client without credentials', async () => {
    const anonymous = testKafka({ brokers: [broker.brokers], sasl: undefined, retry: { retries: 0 }, connectionTimeout: 1_000 });
    const producer = anonymous.producer();
    clients.push(producer);
    const sent = producer.connect().then(() => producer.send({ topic: TOPICS.catalogueOffer.name, acks: -1, messages: [{ value: Buffer.from('x') }] }));
    await expect(sent).rejects.toThrow();
  });
});
