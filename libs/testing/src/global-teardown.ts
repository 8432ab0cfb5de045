import { PersonalDataOnKafkaError, recordScan, scanTopics, scannedSoFar, type TopicScan } from './conformance/personal-data-scan';
import { testKafka, testRunTopicPrefix } from './test-infra';

/**
 * Runs once after the integration tests: deletes the topics this run created (their names start with the run's
 * prefix), so the development broker does not pile up thousands of test partitions and start slowly.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.NAPL_TEST_RUN_ID) await deleteTopicsWithPrefix(testRunTopicPrefix());
  const scanned = scannedSoFar();
  process.stdout.write(
    `\n[personal-data] topics scanned ${scanned.topics}, messages scanned ${scanned.messages}, findings ${scanned.findings.length}` +
      `${scanned.incomplete ? `, scans cut short ${scanned.incomplete}` : ''} (this test run so far, ${scanned.seconds.toFixed(1)} s of scanning)\n`,
  );
}

/**
 * Deletes every topic whose name starts with `prefix` (a test's or a test run's own). First it reads them all for
 * personal data (names, e-mail addresses, BSN-like numbers), and fails the test that wrote any.
 */
export async function deleteTopicsWithPrefix(prefix: string): Promise<void> {
  const admin = testKafka().admin();
  let scan: TopicScan | undefined;
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) {
      scan = await scanTopics(prefix, topics, admin);
      recordScan(scan);
    }
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch (error) {
    // Leftover topics cost disk, not correctness: say so and let the run's result stand.
    console.warn(`Could not delete the test topics ${prefix}*: ${(error as Error).message}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  if (scan && scan.findings.length > 0) throw new PersonalDataOnKafkaError(scan.findings);
}
