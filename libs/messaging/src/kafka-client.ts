import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import { deadLetterTopicOf, type TopicDefinition } from '@napl/contracts';

export interface KafkaConnection {
  readonly clientId: string;
  readonly brokers: readonly string[];
  /** Prepended to every topic name; tests use it to get topics of their own. Empty in normal use. */
  readonly topicPrefix: string;
}

/**
 * kafkajs' backoff for connections and requests, spelled out in full: kafkajs takes other defaults under
 * NODE_ENV=test (1 s cap, slower growth), so without this the tests would not see the production timing.
 * About 200, 400, 800, 1600, 3200 ms between tries (±20 %), then the caller gets the error.
 */
export const KAFKA_RETRY = { initialRetryTime: 200, maxRetryTime: 5_000, factor: 0.2, multiplier: 2, retries: 5 } as const;

/**
 * The one place a Kafka client is built, for producers and consumers alike, so that kafkajs stays
 * behind this lib and a compatible client can replace it later.
 */
export function createKafka(connection: KafkaConnection, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: [...connection.brokers],
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    connectionTimeout: 3_000,
    retry: { ...KAFKA_RETRY },
    ...overrides,
  });
}

export function topicName(connection: Pick<KafkaConnection, 'topicPrefix'>, topic: TopicDefinition | string): string {
  return connection.topicPrefix + (typeof topic === 'string' ? topic : topic.name);
}

/**
 * Creates the topics (and their dead-letter topics) that do not exist yet, with the declared partition
 * counts. Topics are never auto-created: auto-creation races on KRaft and would pick default partitions.
 */
export async function ensureTopics(
  kafka: Kafka,
  connection: Pick<KafkaConnection, 'topicPrefix'>,
  topics: readonly TopicDefinition[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.flatMap((topic) => [
      { topic: topicName(connection, topic), numPartitions: topic.partitions },
      { topic: topicName(connection, deadLetterTopicOf(topic.name)), numPartitions: 1 },
    ]);
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true }).catch((error: unknown) => {
        // Another service may have created the same topic a moment ago.
        if (!String((error as Error)?.message).includes('already exists')) throw error;
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** kafkajs logs through Nest's logger, so its lines look like the service's own and obey its levels. */
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, broker, error } = log as { message: string; broker?: string; error?: string };
    const line = [message, broker && `broker=${broker}`, error && `error=${error}`].filter(Boolean).join(' ');
    if (level <= logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.log(line);
  };
};
