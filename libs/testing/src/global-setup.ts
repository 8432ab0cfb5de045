import { Client } from 'pg';
import { testInfraFromEnv, testKafka, uniqueSuffix } from './test-infra';

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
      process.env.NAPL_TEST_KAFKA_SASL = 'none'; // testcontainers' broker authenticates no one
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
  const admin = testKafka({ retry: { retries: 3 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    const as = infra.kafkaSasl ? ` as ${infra.kafkaSasl.username}` : ' without credentials';
    throw new Error(`Kafka does not answer at ${infra.kafkaBrokers.join(',')}${as} (${(error as Error).message}); run tools/infra.sh up`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
