import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { topicName } from './kafka-client';
import { OutboxMessageEntity } from './messaging.entities';

export interface OutboxRelayOptions {
  readonly service: string;
  readonly topicPrefix: string;
  /** Rows per claim. */
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** Longest wait between tries while Kafka does not answer. */
  readonly maxBackoffMs?: number;
  /** Tries of a message that Kafka refuses for a reason of its own before it is parked (default 10). */
  readonly maxAttempts?: number;
  /**
   * How long a claim holds its rows (default 60 s). A relay that dies mid-send leaves its rows to the next claim
   * after this time; a relay stops sending a claim at three quarters of it.
   */
  readonly leaseMs?: number;
  /** Longest wait before a refused message is tried again (default 60 s; the wait doubles per try). */
  readonly maxRetryDelayMs?: number;
  /**
   * Whether a topic (full name) exists, asked when Kafka says it does not know a topic: a missing topic counts as
   * a try of the message, stale metadata does not. Without it, an unknown topic counts as a passing failure.
   * `topicExistsIn(kafka)` builds one.
   */
  readonly topicExists?: (topic: string) => Promise<boolean>;
  /** Told of each message the relay parks (for a metric or an alert). */
  readonly onParked?: (message: ParkedNotice) => void;
}

export interface ParkedNotice {
  readonly eventId: string;
  readonly eventType: string;
  readonly topic: string;
  readonly key: string;
  readonly attempts: number;
  readonly error: string;
}

interface ClaimedRow {
  position: string;
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
  attempts: number;
}

interface Claim {
  readonly token: string;
  /** In position order. */
  readonly rows: ClaimedRow[];
  /** After this (local clock), the relay sends nothing more of this claim: the lease may soon pass to another relay. */
  readonly sendUntil: number;
  readonly published: Set<string>;
}

/** Kafka error types that say the message itself can never be written as it is. */
const MESSAGE_REFUSED = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'TOPIC_AUTHORIZATION_FAILED',
  'INVALID_TOPIC_EXCEPTION',
]);
/** Errors the client throws when it cannot encode a message (kafkajs wraps them as non-retriable). */
const CLIENT_REFUSED = new Set(['TypeError', 'RangeError']);

/**
 * Sends outbox rows to Kafka and marks them published, holding no database lock while it talks to Kafka:
 * 1. claim: a short transaction gives a batch of rows a lease (`locked_until`, `claimed_by`) and commits;
 * 2. send, with acks -1, outside any transaction: the batch at once, or message by message when Kafka refuses
 *    something, so that one bad message does not hold back the others;
 * 3. mark the sent rows published, only those the claim still holds; release the rest.
 * Order per topic and key: a row is claimed only when no earlier unpublished row of its topic and key is parked,
 * waiting for its next try or held by another claim; within a claim a key stops at its first refused message.
 * So several relays (one per instance) can work at once. Delivery is at least once: a relay that dies between
 * send and mark leaves its rows to the next claim once the lease has passed, and the consumers are idempotent.
 * A message Kafka refuses for a reason of its own is tried `maxAttempts` times (with growing waits), then parked;
 * a passing failure (Kafka away, timeouts, leader changes) does not count: the relay backs off and tries again.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly maxRetryDelayMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private consecutiveFailures = 0;
  private producerConnected = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.logger = new Logger(`OutboxRelay(${options.service})`);
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight; the rows not yet sent stay in the outbox for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    if (this.producerConnected) await this.producer.disconnect();
    this.producerConnected = false;
  }

  /** Asks the relay to look at the outbox now instead of at its next poll. */
  nudge(): void {
    this.wakeUp?.();
  }

  get healthy(): boolean {
    return this.consecutiveFailures === 0;
  }

  /** Relays one claim; returns how many rows were published. Throws when Kafka (or the database) is away. */
  async relayOnce(): Promise<number> {
    return (await this.relayClaim()).published;
  }

  private async relayClaim(): Promise<{ claimed: number; published: number }> {
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
    const claim = await this.claim();
    if (claim.rows.length === 0) return { claimed: 0, published: 0 };
    try {
      await this.send(claim);
    } finally {
      await this.release(claim);
    }
    return { claimed: claim.rows.length, published: claim.published.size };
  }

  private get table(): string {
    return this.dataSource.getMetadata(OutboxMessageEntity).tablePath;
  }

  /**
   * Gives the first claimable rows a lease, in a transaction of its own that ends before anything is sent.
   * Claimable: unpublished, not parked, no lease (or a passed one), and no earlier unpublished row of the same topic
   * and key that is parked or leased (held by another claim, or waiting for its next try). SKIP LOCKED passes over
   * rows another relay is claiming at this moment; a row behind such a row of its key is then given back at once
   * (the second statement), since that earlier row may go to the other relay.
   */
  private async claim(): Promise<Claim> {
    const table = this.table;
    const token = randomUUID();
    const rows = await this.dataSource.transaction(async (manager) => {
      const claimed = returned<ClaimedRow>(
        await manager.query(
        `UPDATE ${table} AS o SET locked_until = now() + $2::float8 * interval '1 millisecond', claimed_by = $3
          WHERE o.position IN (
            SELECT c.position FROM ${table} AS c
             WHERE c.published_at IS NULL AND c.parked_at IS NULL
               AND (c.locked_until IS NULL OR c.locked_until <= now())
               AND NOT EXISTS (
                 SELECT 1 FROM ${table} AS e
                  WHERE e.published_at IS NULL AND e.topic = c.topic AND e.message_key = c.message_key
                    AND e.position < c.position AND (e.parked_at IS NOT NULL OR e.locked_until > now()))
             ORDER BY c.position
             LIMIT $1
             FOR UPDATE OF c SKIP LOCKED)
          RETURNING o.position, o.event_id, o.event_type, o.topic, o.message_key, o.payload, o.headers, o.attempts`,
          [this.batchSize, this.leaseMs, token],
        ),
      );
      if (claimed.length === 0) return claimed;
      const givenBack = returned<{ position: string }>(
        await manager.query(
        `UPDATE ${table} AS c SET locked_until = NULL, claimed_by = NULL
          WHERE c.position = ANY($1::bigint[]) AND c.claimed_by = $2
            AND EXISTS (
              SELECT 1 FROM ${table} AS e
               WHERE e.published_at IS NULL AND e.topic = c.topic AND e.message_key = c.message_key
                 AND e.position < c.position AND e.claimed_by IS DISTINCT FROM $2)
          RETURNING c.position`,
          [claimed.map((row) => row.position), token],
        ),
      );
      const back = new Set(givenBack.map((row) => row.position));
      return claimed.filter((row) => !back.has(row.position));
    });
    rows.sort((a, b) => comparePositions(a.position, b.position));
    return { token, rows, sendUntil: Date.now() + this.leaseMs * 0.75, published: new Set() };
  }

  /**
   * Sends a claim: the keys without refused messages in one batch; when Kafka refuses something in it, and for the
   * keys with earlier refusals, message by message in position order, a key stopping at its first refusal.
   */
  private async send(claim: Claim): Promise<void> {
    const suspect = new Set(claim.rows.filter((row) => row.attempts > 0).map(keyOf));
    const together = claim.rows.filter((row) => !suspect.has(keyOf(row)));
    let oneByOne = claim.rows.filter((row) => suspect.has(keyOf(row)));
    if (together.length > 0) {
      let sent = false;
      try {
        // acks -1: a row counts as published only when every in-sync replica has it.
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: groupByTopicInOrder(together).map(([topic, rows]) => ({ topic: this.kafkaTopic(topic), messages: rows.map(toMessage) })),
        });
        sent = true;
      } catch (error) {
        if (!mayBeTheMessage(error)) throw error;
        // Something in the batch was refused: find it by sending one at a time (some may arrive twice).
        oneByOne = claim.rows;
      }
      if (sent) await this.markPublished(claim, together);
    }
    if (oneByOne.length > 0) await this.sendOneByOne(claim, oneByOne);
  }

  private async sendOneByOne(claim: Claim, rows: ClaimedRow[]): Promise<void> {
    const stoppedKeys = new Set<string>();
    const sent: ClaimedRow[] = [];
    try {
      for (const row of rows) {
        if (stoppedKeys.has(keyOf(row))) continue;
        if (Date.now() > claim.sendUntil) break;
        try {
          await this.producer.send({ acks: -1, topic: this.kafkaTopic(row.topic), messages: [toMessage(row)] });
          sent.push(row);
        } catch (error) {
          const refusal = await this.refusalOf(error, row);
          if (refusal === undefined) throw error;
          stoppedKeys.add(keyOf(row));
          await this.recordRefusal(claim, row, refusal);
        }
      }
    } finally {
      await this.markPublished(claim, sent);
    }
  }

  /** The reason Kafka refuses this message for good, or undefined for a passing failure. */
  private async refusalOf(error: unknown, row: ClaimedRow): Promise<string | undefined> {
    const failure = classifySendFailure(error);
    if (failure.kind === 'refused') return failure.reason;
    if (failure.kind === 'unknown-topic') {
      const topic = this.kafkaTopic(row.topic);
      const exists = await this.options.topicExists?.(topic).catch(() => undefined);
      if (exists === false) return `UNKNOWN_TOPIC_OR_PARTITION: topic ${topic} does not exist`;
    }
    return undefined;
  }

  /** Counts a refused try; after the last one the row is parked, else it waits (doubling) before its next try. */
  private async recordRefusal(claim: Claim, row: ClaimedRow, reason: string): Promise<void> {
    const attempts = row.attempts + 1;
    const delayMs = Math.min(this.maxRetryDelayMs, this.pollIntervalMs * 2 ** Math.min(attempts, 20));
    const [updated] = returned<{ attempts: number; parked: boolean }>(
      await this.dataSource.query(
      `UPDATE ${this.table}
          SET attempts = attempts + 1, last_error = $3,
              parked_at = CASE WHEN attempts + 1 >= $4 THEN now() END,
              locked_until = CASE WHEN attempts + 1 >= $4 THEN NULL ELSE now() + $5::float8 * interval '1 millisecond' END,
              claimed_by = NULL
        WHERE position = $1 AND claimed_by = $2 AND published_at IS NULL
        RETURNING attempts, parked_at IS NOT NULL AS parked`,
        [row.position, claim.token, reason.slice(0, 2000), this.maxAttempts, delayMs],
      ),
    );
    if (!updated) return; // The lease passed to another relay meanwhile; its try counts there.
    const where = `${row.event_type} ${row.event_id} (topic ${row.topic}, key ${row.message_key})`;
    if (updated.parked) {
      this.logger.error(
        `Parked ${where} after ${updated.attempts} tries: ${reason}. Later events of its key wait behind it; ` +
          `re-send it after the fix (outbox:resend ${row.event_id})`,
      );
      this.options.onParked?.({
        eventId: row.event_id,
        eventType: row.event_type,
        topic: row.topic,
        key: row.message_key,
        attempts: updated.attempts,
        error: reason,
      });
    } else {
      this.logger.warn(`Kafka refused ${where} (try ${updated.attempts} of ${this.maxAttempts}): ${reason}`);
    }
  }

  private async markPublished(claim: Claim, rows: ClaimedRow[]): Promise<void> {
    const positions = rows.map((row) => row.position).filter((position) => !claim.published.has(position));
    if (positions.length === 0) return;
    const marked = returned<{ position: string }>(
      await this.dataSource.query(
      `UPDATE ${this.table} SET published_at = now(), locked_until = NULL, claimed_by = NULL
        WHERE position = ANY($1::bigint[]) AND claimed_by = $2 AND published_at IS NULL
        RETURNING position`,
        [positions, claim.token],
      ),
    );
    for (const row of marked) claim.published.add(String(row.position));
  }

  /** Gives back the rows of the claim that were neither published nor refused, for the next claim. */
  private async release(claim: Claim): Promise<void> {
    const positions = claim.rows.map((row) => row.position).filter((position) => !claim.published.has(position));
    if (positions.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${this.table} SET locked_until = NULL, claimed_by = NULL
        WHERE position = ANY($1::bigint[]) AND claimed_by = $2 AND published_at IS NULL`,
      [positions, claim.token],
    );
  }

  private kafkaTopic(topic: string): string {
    return topicName(this.options, topic);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = (await this.relayClaim()).claimed;
        if (this.consecutiveFailures > 0) this.logger.log('Kafka answers again; relaying the outbox');
        this.consecutiveFailures = 0;
      } catch (error) {
        this.consecutiveFailures += 1;
        if (this.consecutiveFailures === 1 || this.consecutiveFailures % 20 === 0) {
          this.logger.warn(`Relaying failed (${this.consecutiveFailures}x), will retry: ${(error as Error).message}`);
        }
        if (this.producerConnected) {
          await this.producer.disconnect().catch(() => undefined);
          this.producerConnected = false;
        }
      }
      if (!this.running) break;
      if (claimed >= this.batchSize && this.consecutiveFailures === 0) continue;
      await this.sleep(this.consecutiveFailures > 0 ? this.backoffMs() : this.pollIntervalMs);
    }
  }

  private backoffMs(): number {
    return Math.min(this.maxBackoffMs, this.pollIntervalMs * 2 ** Math.min(this.consecutiveFailures, 10));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

/** A `topicExists` for the relay, asking the cluster's metadata through an admin client of its own. */
export function topicExistsIn(kafka: Kafka): (topic: string) => Promise<boolean> {
  return async (topic) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.listTopics()).includes(topic);
    } finally {
      await admin.disconnect();
    }
  };
}

export type SendFailure =
  /** Kafka (or the client) refuses the message itself: it counts as a try. */
  | { readonly kind: 'refused'; readonly reason: string }
  /** Kafka does not know the topic: a try when the topic is missing indeed, else stale metadata. */
  | { readonly kind: 'unknown-topic' }
  /** Kafka away, timeouts, leader changes and anything else: no try counts; the relay backs off. */
  | { readonly kind: 'passing' };

/** What a failed send says about the message, from the error kafkajs threw (or the error it wraps). */
export function classifySendFailure(error: unknown): SendFailure {
  const chain = causesOf(error);
  const refused = chain.find((cause) => MESSAGE_REFUSED.has(String(cause.type)) || CLIENT_REFUSED.has(cause.name));
  if (refused) return { kind: 'refused', reason: `${refused.type ?? refused.name}: ${refused.message}` };
  if (chain.some((cause) => cause.type === 'UNKNOWN_TOPIC_OR_PARTITION')) return { kind: 'unknown-topic' };
  return { kind: 'passing' };
}

/**
 * Whether a failed batch may have failed because of one of its messages (then the relay sends one at a time to find
 * it), rather than because Kafka is away or busy.
 */
function mayBeTheMessage(error: unknown): boolean {
  return classifySendFailure(error).kind !== 'passing';
}

interface ErrorLike {
  name: string;
  message: string;
  type?: string;
}

/** The error and its causes (kafkajs wraps the broker's error when it gives up retrying). */
function causesOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < 10 && !chain.includes(current)) {
    chain.push(current as ErrorLike);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The rows of an UPDATE … RETURNING: TypeORM's `query` gives `[rows, affected]` for UPDATE and DELETE. */
function returned<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

function keyOf(row: ClaimedRow): string {
  return `${row.topic}\u0000${row.message_key}`;
}

function toMessage(row: ClaimedRow): Message {
  return { key: row.message_key, value: row.payload, headers: row.headers };
}

function comparePositions(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

function groupByTopicInOrder(rows: ClaimedRow[]): [string, ClaimedRow[]][] {
  const byTopic = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic) ?? [];
    list.push(row);
    byTopic.set(row.topic, list);
  }
  return [...byTopic.entries()];
}
