import { Kafka, logLevel } from 'kafkajs';
import { testInfraFromEnv, testRunTopicPrefix } from './test-infra';

/**
 * Runs once after the integration tests: deletes the topics this run created (their names start with the run's
 * prefix), so the development broker does not pile up thousands of test partitions and start slowly.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.NAPL_TEST_RUN_ID) await deleteTopicsWithPrefix(testRunTopicPrefix());
}

/** Deletes every topic whose name starts with `prefix` (a test's or a test run's own). */
export async function deleteTopicsWithPrefix(prefix: string): Promise<void> {
  const admin = new Kafka({ brokers: testInfraFromEnv().kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch (error) {
    // Leftover topics cost disk, not correctness: say so and let the run's result stand.
    console.warn(`Could not delete the test topics ${prefix}*: ${(error as Error).message}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
