import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Where the tests find Postgres and Kafka. NAPL_TEST_INFRA=local (default here) uses the local server
 * and the project's own broker; `containers` starts them with testcontainers (needs a Docker engine);
 * `auto` tries containers and falls back to local. Explicit DATABASE_URL / KAFKA_BROKERS win over both.
 */
export interface TestInfra {
  /** A URL with the right to create databases; each test file gets a database of its own. */
  readonly adminDatabaseUrl: string;
  readonly kafkaBrokers: string[];
}

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_KAFKA_BROKERS = '127.0.0.1:19092';

export function testInfraFromEnv(): TestInfra {
  return {
    adminDatabaseUrl: process.env.NAPL_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? LOCAL_DATABASE_URL,
    kafkaBrokers: (process.env.NAPL_TEST_KAFKA_BROKERS ?? process.env.KAFKA_BROKERS ?? LOCAL_KAFKA_BROKERS).split(','),
  };
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
