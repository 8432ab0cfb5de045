import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { newTopicPrefix, scanTopics, testInfraFromEnv, testKafkaSasl } from '../src';

/**
 * The topic scan proven on its own: it finds a name, an e-mail address and a BSN-like number in what a test wrote
 * (value or header), and nothing in an event of pseudonymous ids. Its topics are deleted here without the scan, so
 * the deliberate findings stay out of the test run's report.
 */
describe('the personal-data scan of a test run\'s topics', () => {
  const kafka = new Kafka({ brokers: testInfraFromEnv().kafkaBrokers, logLevel: logLevel.NOTHING, sasl: testKafkaSasl() });
  const prefix = newTopicPrefix();
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  });

  async function write(topic: string, messages: { value: string; headers?: Record<string, string> }[]): Promise<void> {
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: messages.map((message) => ({ key: randomUUID(), ...message })) });
    } finally {
      await producer.disconnect();
    }
  }

  it('finds the demo people, e-mail addresses and BSN-like numbers, in values and headers', async () => {
    const topic = `${prefix}napl.enrolments.enrolment.v1`;
    await write(topic, [
      { value: `\n$${randomUUID()}\u0012\u000bBram Jansen` },
      { value: 'nothing here', headers: { 'napl-note': 'bram.jansen@example.nl 111222333' } },
    ]);
    const scan = await scanTopics(prefix, [topic], admin);
    expect(scan).toMatchObject({ topics: 1, messages: 2, complete: true });
    expect(scan.findings.sort()).toEqual([`${topic}: BSN-like number 111222333`, `${topic}: e-mail address bram.jansen@example.nl`, `${topic}: name Bram Jansen`]);
  });

  it('finds nothing in events of pseudonymous ids', async () => {
    const topic = `${prefix}napl.catalogue.run.v1`;
    await write(topic, [{ value: `\n$${randomUUID()}\u0012$${randomUUID()}\u0018\u0010`, headers: { 'napl-event-id': randomUUID() } }]);
    expect((await scanTopics(prefix, [topic], admin)).findings).toEqual([]);
  });
});
