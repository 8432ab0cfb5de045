import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type logCreator, type SASLOptions } from 'kafkajs';
import { deadLetterTopicOf, type TopicDefinition } from '@napl/contracts';

export type KafkaSaslMechanism = 'scram-sha-512' | 'scram-sha-256' | 'plain';

/** The principal a client logs in as (SASL); see kafka-access.ts for what each principal may do. */
export interface KafkaCredentials {
  readonly mechanism: KafkaSaslMechanism;
  readonly username: string;
  readonly password: string;
}

export interface KafkaConnection {
  readonly clientId: string;
  readonly brokers: readonly string[];
  /** Prepended to every topic name; tests use it to get topics of their own. Empty in normal use. */
  readonly topicPrefix: string;
  /** Who the client logs in as; without it the client does not authenticate (a broker without SASL). */
  readonly sasl?: KafkaCredentials;
  /** TLS to the brokers: true trusts the system's CAs; `ca` trusts only the given certificates (PEM). */
  readonly ssl?: boolean | { readonly ca: readonly string[] };
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
    sasl: connection.sasl && ({ ...connection.sasl } as SASLOptions),
    ssl: typeof connection.ssl === 'object' ? { ca: [...connection.ssl.ca] } : connection.ssl,
    ...overrides,
  });
}

/**
 * What a refusal by Kafka that no retry will change means, in one sentence that names the setting to fix: the
 * credentials are wrong, or the principal lacks an ACL. Undefined for anything else (the broker away, a timeout),
 * which is worth retrying. Looks through kafkajs' wrappers (retries exceeded, aggregated errors).
 */
export function kafkaAccessProblem(error: unknown, connection: Pick<KafkaConnection, 'sasl'>): string | undefined {
  const who = connection.sasl ? `${connection.sasl.username} (${connection.sasl.mechanism.toUpperCase()})` : 'a client without credentials';
  for (const cause of causesOf(error)) {
    const { name, type, message } = cause as { name?: string; type?: string; message?: string };
    if (name === 'KafkaJSSASLAuthenticationError' || type === 'SASL_AUTHENTICATION_FAILED' || type === 'ILLEGAL_SASL_STATE') {
      return `Kafka refuses the credentials of ${who}: check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_MECHANISM (${message})`;
    }
    if (type?.endsWith('_AUTHORIZATION_FAILED')) {
      return (
        `Kafka does not allow ${who} this (${type}: ${message}); the principals' ACLs come from ` +
        'libs/messaging/src/kafka-access.ts and are applied by tools/kafka/kafka.sh'
      );
    }
  }
  return undefined;
}

function* causesOf(error: unknown, depth = 0): Generator<unknown> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  yield error;
  const { cause, originalError, errors } = error as { cause?: unknown; originalError?: unknown; errors?: unknown };
  for (const inner of [cause, originalError, ...(Array.isArray(errors) ? errors : [])]) yield* causesOf(inner, depth + 1);
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

/**
 * kafkajs logs through Nest's logger, so its lines look like the service's own and obey its levels. Refused
 * credentials are logged by kafkajs at every reconnect (three lines each); after the first, the messaging lib's own
 * one-line reports say it (kafkaAccessProblem), so kafkajs' repeats are dropped.
 */
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  let authenticationFailureLogged = false;
  return ({ level, log }) => {
    const { message, broker, error } = log as { message: string; broker?: string; error?: string };
    const line = [message, broker && `broker=${broker}`, error && `error=${error}`].filter(Boolean).join(' ');
    if (/authentication failed/i.test(line)) {
      if (authenticationFailureLogged) return;
      authenticationFailureLogged = true;
    }
    if (level <= logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.log(line);
  };
};
