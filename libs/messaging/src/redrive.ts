import { Logger } from '@nestjs/common';
import { Partitioners, type IHeaders, type Kafka, type KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf } from '@napl/contracts';
import { ENVELOPE_HEADERS } from './envelope';
import { CONSUMER_GROUP_TIMING } from './event-consumer';
import { topicName, type KafkaConnection } from './kafka-client';
import { EventFailureEntity } from './messaging.entities';

/** The headers the consumer adds when it dead-letters a message; a re-driven message leaves them behind. */
export const DEAD_LETTER_HEADER_PREFIX = 'napl-dlt-';

/** A message of a dead-letter topic, as `redriveDeadLetters` shows it to its filter. */
export interface DeadLetter {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Every header as text (the first value of a repeated one), the napl-dlt-* ones included. */
  readonly headers: Readonly<Record<string, string>>;
  readonly eventId?: string;
  readonly eventType?: string;
  /** Why it was dead-lettered (napl-dlt-reason). */
  readonly reason?: string;
  /** The consumer group that dead-lettered it (napl-dlt-consumer-group). */
  readonly consumerGroup?: string;
  /** Where it came from (napl-dlt-original-topic): the topic it goes back to. */
  readonly originalTopic: string;
  readonly deadLetterPartition: number;
  readonly deadLetterOffset: string;
}

export interface RedriveOptions {
  readonly kafka: Kafka;
  readonly connection: KafkaConnection;
  /** The consumer group (the service's, e.g. `napl.enrolments`) whose dead letters go back to be consumed again. */
  readonly groupId: string;
  /** The logical topic (e.g. `napl.catalogue.run.v1`): its dead letters are read from `<topic>.dlt`. */
  readonly topic: string;
  /**
   * The service's database. When given, each re-driven event's failure count (event_failure) is deleted first, so
   * the consumer gives it `maxAttempts` fresh tries; without it the count stays, and a re-driven event that fails
   * once more goes straight back to the dead-letter topic.
   */
  readonly dataSource?: DataSource;
  /** Re-drive only the dead letters it accepts; the others are passed over for good (see README). Default: all. */
  readonly filter?: (deadLetter: DeadLetter) => boolean;
  /** Gives up (having committed what it re-drove) when the dead letters are not read within this time. Default 60 s. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RedriveResult {
  readonly deadLetterTopic: string;
  /** The consumer group that remembers how far the re-drives of this topic got. */
  readonly redriveGroup: string;
  /** Dead letters read: those that arrived since the last re-drive. */
  readonly read: number;
  /** Published again to their original topic. */
  readonly redriven: number;
  /** Passed over: dead-lettered by another consumer group, from another topic, or refused by the filter. */
  readonly skipped: number;
  /** event_failure rows deleted (with a DataSource). */
  readonly failuresCleared: number;
}

/** The consumer group of the re-drives of one topic's dead letters for one service: it holds the position reached. */
export function redriveGroupOf(groupId: string, topic: string): string {
  return `${groupId}.redrive.${topic}`;
}

/**
 * Sends the dead letters of `<topic>.dlt` that `groupId` dead-lettered back to their original topic, so the service
 * consumes them again, e.g. after a fix. Each goes back with its key, value and envelope headers (the napl-dlt-*
 * headers left behind), to the partition its key picks, as the relay would have sent it. Delivery is at least once:
 * the consumers' inbox applies an event once, however often it comes.
 *
 * Reads with a consumer group of its own (`redriveGroupOf`), committing after each message: a second run re-drives
 * only the dead letters that arrived since the first (and a run that stopped half way goes on where it stopped).
 * It reads up to the end of the dead-letter topic as it was at the start, then stops. To re-drive everything again,
 * reset that group's offsets (kafka-consumer-groups --reset-offsets --to-earliest).
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveResult> {
  const { kafka, connection, groupId, topic } = options;
  const log = options.log ?? ((line: string) => new Logger('Redrive').log(line));
  const deadLetterTopic = topicName(connection, deadLetterTopicOf(topic));
  const originalTopic = topicName(connection, topic);
  const redriveGroup = redriveGroupOf(groupId, topic);
  const counts = { read: 0, redriven: 0, skipped: 0, failuresCleared: 0 };
  const result = (): RedriveResult => ({ deadLetterTopic, redriveGroup, ...counts });

  // Where each partition ends now, for those that hold dead letters this group has not read yet.
  const ends = await unreadEnds(kafka, deadLetterTopic, redriveGroup);
  if (ends.size === 0) {
    log(`No new dead letters on ${deadLetterTopic}`);
    return result();
  }

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: redriveGroup, allowAutoTopicCreation: false, ...CONSUMER_GROUP_TIMING });
  let failed = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      timer = setTimeout(
        () => fail(new Error(`Re-drive of ${deadLetterTopic} timed out after ${options.timeoutMs ?? 60_000} ms (${counts.redriven} re-driven so far)`)),
        options.timeoutMs ?? 60_000,
      );
      consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (failed) return;
            try {
              const deadLetter = deadLetterOf(message, partition, originalTopic);
              counts.read++;
              if (!isRedrivable(deadLetter, { groupId, originalTopic, filter: options.filter })) {
                counts.skipped++;
              } else {
                if (options.dataSource && deadLetter.eventId) {
                  const deleted = await options.dataSource.getRepository(EventFailureEntity).delete({ consumerGroup: groupId, eventId: deadLetter.eventId });
                  counts.failuresCleared += deleted.affected ?? 0;
                }
                await producer.send({
                  topic: deadLetter.originalTopic,
                  acks: -1,
                  messages: [{ key: message.key, value: message.value, headers: withoutDeadLetterHeaders(message.headers) }],
                });
                counts.redriven++;
                log(`Re-drove ${deadLetter.eventType ?? 'a message'} ${deadLetter.eventId ?? ''} to ${deadLetter.originalTopic} (it had failed: ${deadLetter.reason ?? 'unknown'})`);
              }
              const next = BigInt(message.offset) + 1n;
              await consumer.commitOffsets([{ topic: deadLetterTopic, partition, offset: next.toString() }]);
              if (next >= (ends.get(partition) ?? 0n)) ends.delete(partition);
              if (ends.size === 0) resolve();
            } catch (error) {
              fail(error as Error);
            }
          },
        })
        .catch(fail);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  }
  log(`Re-drove ${counts.redriven} of ${counts.read} dead letters from ${deadLetterTopic} (${counts.skipped} passed over)`);
  return result();
}

/** Per partition of the dead-letter topic, its end offset, where the re-drive group has not read up to it yet. */
async function unreadEnds(kafka: Kafka, deadLetterTopic: string, redriveGroup: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = await admin.fetchTopicOffsets(deadLetterTopic);
    const [committed] = await admin.fetchOffsets({ groupId: redriveGroup, topics: [deadLetterTopic] });
    const ends = new Map<number, bigint>();
    for (const { partition, high, low } of partitions) {
      const position = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      const start = BigInt(position) >= 0n ? BigInt(position) : BigInt(low);
      if (start < BigInt(high)) ends.set(partition, BigInt(high));
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/** A dead-letter topic's message, read: its headers as text, and what the consumer recorded when it dead-lettered it. */
export function deadLetterOf(message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>, partition: number, fallbackTopic: string): DeadLetter {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {})
      .map(([name, value]) => [name, Array.isArray(value) ? value[0] : value] as const)
      .filter((entry): entry is readonly [string, Buffer | string] => entry[1] !== undefined)
      .map(([name, value]) => [name, value.toString()]),
  );
  return {
    key: message.key,
    value: message.value,
    headers,
    eventId: headers[ENVELOPE_HEADERS.eventId],
    eventType: headers[ENVELOPE_HEADERS.eventType],
    reason: headers[`${DEAD_LETTER_HEADER_PREFIX}reason`],
    consumerGroup: headers[`${DEAD_LETTER_HEADER_PREFIX}consumer-group`],
    originalTopic: headers[`${DEAD_LETTER_HEADER_PREFIX}original-topic`] ?? fallbackTopic,
    deadLetterPartition: partition,
    deadLetterOffset: message.offset,
  };
}

/**
 * Whether a re-drive for `groupId` sends this dead letter back: dead-lettered by that group (another group's are left
 * to that group's re-drive; one that does not say is taken), from the topic being re-driven, and accepted by the filter.
 */
export function isRedrivable(
  deadLetter: DeadLetter,
  { groupId, originalTopic, filter }: { groupId: string; originalTopic: string; filter?: (deadLetter: DeadLetter) => boolean },
): boolean {
  if (deadLetter.consumerGroup !== undefined && deadLetter.consumerGroup !== groupId) return false;
  if (deadLetter.originalTopic !== originalTopic) return false;
  return filter ? filter(deadLetter) : true;
}

/** The message's own headers (the envelope, the trace context), without what dead-lettering added. */
export function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(DEAD_LETTER_HEADER_PREFIX)));
}
