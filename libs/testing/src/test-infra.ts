import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import { Client } from 'pg';
import type { KafkaCredentials, KafkaSaslMechanism } from '@napl/messaging';

/**
 * Where the tests find Postgres and Kafka. NAPL_TEST_INFRA=local (default here) uses the local server
 * and the project's own broker; `containers` starts them with testcontainers (needs a Docker engine);
 * `auto` tries containers and falls back to local. Explicit DATABASE_URL / KAFKA_BROKERS win over both.
 */
export interface TestInfra {
  /** A URL with the right to create databases; each test file gets a database of its own. */
  readonly adminDatabaseUrl: string;
  readonly kafkaBrokers: string[];
  /**
   * Who the tests log in to Kafka as: the broker's admin (they create and delete topics under their own prefix, and
   * the services they run use the same principal). None for a broker without authentication (containers).
   */
  readonly kafkaSasl?: KafkaCredentials;
}

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_KAFKA_BROKERS = '127.0.0.1:19092';

/** The passwords of the project's broker's principals, one file each (tools/kafka/kafka.sh makes them). */
export const LOCAL_KAFKA_CREDENTIALS = process.env.NAPL_KAFKA_CREDENTIALS ?? join(__dirname, '..', '..', '..', '.local', 'kafka-credentials');

export function testInfraFromEnv(): TestInfra {
  return {
    adminDatabaseUrl: process.env.NAPL_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? LOCAL_DATABASE_URL,
    kafkaBrokers: (process.env.NAPL_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS ?? LOCAL_KAFKA_BROKERS).split(','),
    kafkaSasl: testKafkaCredentials(),
  };
}

/**
 * NAPL_TEST_KAFKA_SASL_USERNAME and _PASSWORD (and _MECHANISM, default scram-sha-512) when set; none when
 * NAPL_TEST_KAFKA_SASL=none (a broker without authentication); else the admin of the project's brokers, unless the
 * broker on the default port was started by a kafka.sh from before SASL (kafka.sh start says to restart it).
 */
function testKafkaCredentials(): KafkaCredentials | undefined {
  if (process.env.NAPL_TEST_KAFKA_SASL === 'none') return undefined;
  const mechanism = (process.env.NAPL_TEST_KAFKA_SASL_MECHANISM ?? 'scram-sha-512').toLowerCase() as KafkaSaslMechanism;
  const username = process.env.NAPL_TEST_KAFKA_SASL_USERNAME;
  if (username) return { mechanism, username, password: process.env.NAPL_TEST_KAFKA_SASL_PASSWORD ?? '' };
  if (!existsSync(join(LOCAL_KAFKA_CREDENTIALS, 'admin'))) return undefined;
  const brokers = process.env.NAPL_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS ?? LOCAL_KAFKA_BROKERS;
  return brokers !== LOCAL_KAFKA_BROKERS || localBrokerAuthenticates() ? localKafkaCredentials('admin') : undefined;
}

/** Whether the project's broker was configured with SASL: the first line kafka.sh writes into its server.properties. */
function localBrokerAuthenticates(): boolean {
  const home = process.env.NAPL_KAFKA_HOME ?? join(__dirname, '..', '..', '..', '.local', 'kafka');
  try {
    return readFileSync(join(home, 'server.properties'), 'utf8').startsWith('# napl kafka.sh config 2: SASL');
  } catch {
    return true;
  }
}

/** A principal of the project's broker (`admin`, or a service), with its password from .local/kafka-credentials. */
export function localKafkaCredentials(principal: string): KafkaCredentials {
  return { mechanism: 'scram-sha-512', username: principal, password: readFileSync(join(LOCAL_KAFKA_CREDENTIALS, principal), 'utf8').trim() };
}

/** The settings that make a service under test log in to Kafka as the tests do. */
export function testKafkaEnv(): Record<string, string> {
  const sasl = testInfraFromEnv().kafkaSasl;
  return sasl ? { KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password, KAFKA_SASL_MECHANISM: sasl.mechanism } : {};
}

/** The tests' credentials as kafkajs takes them, for a client built by hand. */
export function testKafkaSasl(): SASLOptions | undefined {
  const sasl = testInfraFromEnv().kafkaSasl;
  return sasl && ({ ...sasl } as SASLOptions);
}

/** A kafkajs client for a test's own producers, consumers and admin: the test brokers and credentials, quiet. */
export function testKafka(config: Omit<Partial<KafkaConfig>, 'sasl'> & { readonly sasl?: KafkaCredentials } = {}): Kafka {
  const infra = testInfraFromEnv();
  const sasl = 'sasl' in config ? config.sasl : infra.kafkaSasl;
  return new Kafka({ brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING, ...config, sasl: sasl && ({ ...sasl } as SASLOptions) });
}

/** Every topic a test run creates starts with this (set once per run by the global setup). */
export function testRunTopicPrefix(): string {
  return `test.${process.env.NAPL_TEST_RUN_ID ?? 'adhoc'}.`;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A fresh database for one test file; the name says test, and nothing else may be dropped by the harness. */
export function newTestDatabaseUrl(infra: TestInfra, label: string): string {
  const url = new URL(infra.adminDatabaseUrl);
  url.pathname = `/napl_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${uniqueSuffix()}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^napl_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop ${name}: not a test database`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
