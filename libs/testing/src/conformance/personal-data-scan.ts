import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { testInfraFromEnv, testKafkaSasl, uniqueSuffix } from '../test-infra';

/*
 * Personal data must not travel on Kafka: events carry pseudonymous ids, never names, e-mail addresses or BSNs.
 * Before the harness deletes a test's topics it reads every message on them (key, value and headers, as text) and
 * looks for any of these; what it read and found goes into the test run's report.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Nine digits on their own: not part of a longer number, word or id. */
const NINE_DIGITS = /(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])/g;
const SCAN_TIMEOUT_MS = 20_000;

/** The BSN's eleven test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index === 8 ? -1 : 9 - index), 0);
  return sum % 11 === 0;
}

/** The names of the demo people (tools/demo data): a test that leaks personal data most likely leaks theirs. */
export function demoPeopleNames(): string[] {
  const file = join(__dirname, '..', '..', '..', '..', 'tools', 'demo', 'data', 'enrolments-teachers.json');
  const people = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }[]) : [];
  return [...new Set(people.map((person) => person.name).filter((name): name is string => Boolean(name)))];
}

/** What in one text looks like personal data: e-mail addresses, the demo people's names, BSN-like numbers. */
export function personalDataIn(text: string, names: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return [
    ...[...text.matchAll(EMAIL)].map(([email]) => `e-mail address ${email}`),
    ...names.filter((name) => lower.includes(name.toLowerCase())).map((name) => `name ${name}`),
    ...[...text.matchAll(NINE_DIGITS)].filter(([digits]) => passesElfproef(digits)).map(([digits]) => `BSN-like number ${digits}`),
  ];
}

/** A message as bytes, in the encodings a reader might try: protobuf strings are UTF-8 between binary fields. */
function textsOf(bytes: Buffer | null | undefined): string[] {
  return bytes ? [bytes.toString('utf8'), bytes.toString('latin1')] : [];
}

export interface TopicScan {
  readonly prefix: string;
  readonly topics: number;
  readonly messages: number;
  readonly findings: string[];
  readonly complete: boolean;
  readonly millis: number;
}

/** Reads every message on the topics given, from the start up to their current end, and reports personal data in them. */
export async function scanTopics(prefix: string, topics: string[], admin: Admin): Promise<TopicScan> {
  const started = Date.now();
  const names = demoPeopleNames();
  const findings = new Set<string>();
  // Where each partition ends now: the scan is done when it has read up to there.
  const remaining = new Map<string, bigint>();
  for (const topic of topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) remaining.set(`${topic}/${partition}`, BigInt(high) - 1n);
    }
  }
  let messages = 0;
  if (remaining.size === 0) return { prefix, topics: topics.length, messages, findings: [], complete: true, millis: Date.now() - started };

  const kafka = new Kafka({ brokers: testInfraFromEnv().kafkaBrokers, logLevel: logLevel.NOTHING, sasl: testKafkaSasl() });
  const consumer = kafka.consumer({ groupId: `test-personal-data-scan-${uniqueSuffix()}`, maxWaitTimeInMs: 100 });
  let complete = false;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: topics.filter((topic) => [...remaining.keys()].some((key) => key.startsWith(`${topic}/`))), fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, SCAN_TIMEOUT_MS);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          messages += 1;
          const texts = [
            ...textsOf(message.key),
            ...textsOf(message.value),
            ...Object.entries(message.headers ?? {}).flatMap(([name, value]) => [name, ...[value].flat().flatMap((one) => (one === undefined ? [] : textsOf(Buffer.from(one))))]),
          ];
          for (const found of new Set(texts.flatMap((text) => personalDataIn(text, names)))) findings.add(`${topic}: ${found}`);
          const key = `${topic}/${partition}`;
          if (remaining.has(key) && BigInt(message.offset) >= remaining.get(key)!) remaining.delete(key);
          if (remaining.size === 0) {
            complete = true;
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return { prefix, topics: topics.length, messages, findings: [...findings], complete, millis: Date.now() - started };
}

/** Appends one scan to the test run's report, which the test command sums up. */
export function recordScan(scan: TopicScan): void {
  appendFileSync(join(runReportDirectory(), 'personal-data.jsonl'), `${JSON.stringify(scan)}\n`);
}

/** The test run's report directory: every jest project of one `npm test` shares the run id, so the directory. */
export function runReportDirectory(): string {
  const directory = join(tmpdir(), `napl-test-${process.env.NAPL_TEST_RUN_ID ?? 'adhoc'}`);
  mkdirSync(directory, { recursive: true });
  return directory;
}

/** The scans of this run so far, summed: for the summary line of a jest project and of the test command. */
export function scannedSoFar(): { topics: number; messages: number; findings: string[]; incomplete: number; seconds: number } {
  const file = join(runReportDirectory(), 'personal-data.jsonl');
  const scans = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as TopicScan) : [];
  return {
    topics: scans.reduce((total, scan) => total + scan.topics, 0),
    messages: scans.reduce((total, scan) => total + scan.messages, 0),
    findings: scans.flatMap((scan) => scan.findings),
    incomplete: scans.filter((scan) => !scan.complete).length,
    seconds: scans.reduce((total, scan) => total + (scan.millis ?? 0), 0) / 1000,
  };
}

/** A test's topics were found carrying personal data. */
export class PersonalDataOnKafkaError extends Error {
  constructor(readonly findings: string[]) {
    super(`personal data on Kafka: ${findings.join('; ')}`);
  }
}
