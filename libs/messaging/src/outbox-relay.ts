import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { topicName } from './kafka-client';
import { OutboxMessageEntity } from './messaging.entities';

export interface OutboxRelayOptions {
  readonly service: string;
  readonly topicPrefix: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** Longest wait between tries while Kafka does not answer. */
  readonly maxBackoffMs?: number;
}

interface PendingRow {
  position: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

/**
 * Sends outbox rows to Kafka in insertion order and marks them published. One relay per service is
 * active at a time (a transaction-scoped advisory lock), so the order per key holds even with several
 * instances. Delivery is at least once: a crash between send and commit sends a row again, and the
 * consumers are idempotent.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
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

  /** Relays one batch; returns how many rows were published. */
  async relayOnce(): Promise<number> {
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
    const table = this.dataSource.getMetadata(OutboxMessageEntity).tablePath;
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `napl:outbox:${table}`,
      ]);
      if (!locked) return 0;
      const rows: PendingRow[] = await manager.query(
        `SELECT position, topic, message_key, payload, headers FROM ${table}
          WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      // acks -1: a row counts as published only when every in-sync replica has it.
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: groupByTopicInOrder(rows).map(([topic, messages]) => ({
          topic: topicName(this.options, topic),
          messages: messages.map((row) => ({ key: row.message_key, value: row.payload, headers: row.headers })),
        })),
      });
      await manager.query(`UPDATE ${table} SET published_at = now() WHERE position = ANY($1::bigint[])`, [
        rows.map((row) => row.position),
      ]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.relayOnce();
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
      if (published >= this.batchSize) continue;
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

function groupByTopicInOrder(rows: PendingRow[]): [string, PendingRow[]][] {
  const byTopic = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic) ?? [];
    list.push(row);
    byTopic.set(row.topic, list);
  }
  return [...byTopic.entries()];
}
