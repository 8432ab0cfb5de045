import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testInfraFromEnv, uniqueSuffix } from './test-infra';

/**
 * Runs once before the integration tests: brings up containers when asked, then checks that Postgres and
 * Kafka answer, failing fast with a message that says what to start.
 */
export default async function globalSetup(): Promise<void> {
  // One id for the whole run (each jest project runs this setup; the first one sets it).
  process.env.NAPL_TEST_RUN_ID ??= uniqueSuffix();
  const mode = process.env.NAPL_TEST_INFRA ?? 'local';
  if ((mode === 'containers' || mode === 'auto') && !process.env.DATABASE_URL && !process.env.KAFKA_BROKERS) {
    const { startContainers } = await import('./containers');
    const started = await startContainers(mode === 'containers');
    if (started) {
      process.env.NAPL_TEST_DATABASE_URL = started.adminDatabaseUrl;
      process.env.NAPL_TEST_KAFKA_BROKERS = started.kafkaBrokers.join(',');
    }
  }
  const infra = testInfraFromEnv();
  const pg = new Client({ connectionString: infra.adminDatabaseUrl });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    throw new Error(`Postgres does not answer at ${infra.adminDatabaseUrl} (${(error as Error).message}); run tools/infra.sh up`);
  } finally {
    await pg.end().catch(() => undefined);
  }
  const admin = new Kafka({ brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING, retry: { retries: 3 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka does not answer at ${infra.kafkaBrokers.join(',')} (${(error as Error).message}); run tools/infra.sh up`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
