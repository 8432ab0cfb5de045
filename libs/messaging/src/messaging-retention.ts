import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventFailureEntity, OutboxMessageEntity, ProcessedEventEntity } from './messaging.entities';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface MessagingRetentionOptions {
  /** Published outbox rows older than this (since publication) are deleted. Default 7 days. */
  readonly outboxRetentionMs?: number;
  /**
   * Processed event ids older than this are deleted, and so are failure counts of events dead-lettered or handled
   * since, untouched for this long. Default 30 days. Keep it longer than the retention of every topic the service
   * consumes (and than any replay from an offset you may do): a redelivered event whose id is gone is applied again.
   */
  readonly inboxRetentionMs?: number;
  /** Rows per DELETE statement, so that no statement holds its locks long. Default 1000. */
  readonly batchSize?: number;
}

export interface RetentionResult {
  readonly outboxMessages: number;
  readonly processedEvents: number;
  readonly eventFailures: number;
}

export const DEFAULT_OUTBOX_RETENTION_MS = 7 * DAY_MS;
export const DEFAULT_INBOX_RETENTION_MS = 30 * DAY_MS;

/**
 * Deletes what the messaging tables no longer need: published outbox rows, processed event ids and settled failure
 * counts older than their retention. Each DELETE takes at most `batchSize` rows (by ctid), in a statement of its own;
 * unpublished and parked outbox rows, and failures of events still being retried, are never deleted.
 */
export async function cleanUpMessagingTables(dataSource: DataSource, options: MessagingRetentionOptions = {}): Promise<RetentionResult> {
  const outboxRetentionMs = options.outboxRetentionMs ?? DEFAULT_OUTBOX_RETENTION_MS;
  const inboxRetentionMs = options.inboxRetentionMs ?? DEFAULT_INBOX_RETENTION_MS;
  const batchSize = options.batchSize ?? 1000;
  const outbox = dataSource.getMetadata(OutboxMessageEntity).tablePath;
  const processed = dataSource.getMetadata(ProcessedEventEntity).tablePath;
  const failures = dataSource.getMetadata(EventFailureEntity).tablePath;
  const before = (retention: string) => `now() - ${retention}::float8 * interval '1 millisecond'`;

  // Failures first: whether one is settled depends on its event's processed id, deleted next.
  const eventFailures = await deleteInBatches(
    dataSource,
    failures,
    `SELECT f.ctid FROM ${failures} AS f
      WHERE f.updated_at < ${before('$1')}
        AND (f.dead_lettered_at IS NOT NULL OR EXISTS (
          SELECT 1 FROM ${processed} AS p
           WHERE p.consumer_group = f.consumer_group
             AND p.event_id = CASE WHEN f.event_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                   THEN f.event_id::uuid END))
      LIMIT $2`,
    [inboxRetentionMs, batchSize],
  );
  const processedEvents = await deleteInBatches(
    dataSource,
    processed,
    `SELECT ctid FROM ${processed} WHERE processed_at < ${before('$1')} LIMIT $2`,
    [inboxRetentionMs, batchSize],
  );
  const outboxMessages = await deleteInBatches(
    dataSource,
    outbox,
    `SELECT ctid FROM ${outbox} WHERE published_at < ${before('$1')} LIMIT $2`,
    [outboxRetentionMs, batchSize],
  );
  return { outboxMessages, processedEvents, eventFailures };
}

async function deleteInBatches(dataSource: DataSource, table: string, selectCtids: string, parameters: [number, number]): Promise<number> {
  let total = 0;
  for (;;) {
    // ctid = ANY(ARRAY(...)) makes a TID scan: the DELETE touches only the rows its sub-select found.
    const [, deleted] = (await dataSource.query(`DELETE FROM ${table} WHERE ctid = ANY(ARRAY(${selectCtids}))`, parameters)) as [
      unknown,
      number,
    ];
    total += deleted;
    if (deleted < parameters[1]) return total;
  }
}

/**
 * Runs `cleanUpMessagingTables` every `intervalMs` (0: never) in the background of a service, the first time a
 * minute after the start (or sooner, for a shorter interval). Every instance runs it; the deletes do not mind.
 */
export class MessagingRetention {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private current?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: MessagingRetentionOptions & { readonly service: string; readonly intervalMs?: number },
  ) {
    this.logger = new Logger(`MessagingRetention(${options.service})`);
  }

  private get intervalMs(): number {
    return this.options.intervalMs ?? 15 * 60 * 1000;
  }

  start(): void {
    if (!this.stopped || this.intervalMs <= 0) return;
    this.stopped = false;
    this.schedule(Math.min(this.intervalMs, 60_000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  /** One clean-up now; logs what it deleted, and a failure (the next run tries again). */
  async runOnce(): Promise<RetentionResult | undefined> {
    try {
      const result = await cleanUpMessagingTables(this.dataSource, this.options);
      if (result.outboxMessages + result.processedEvents + result.eventFailures > 0) {
        this.logger.log(
          `Deleted ${result.outboxMessages} published outbox rows, ${result.processedEvents} processed event ids, ` +
            `${result.eventFailures} settled failure counts past their retention`,
        );
      }
      return result;
    } catch (error) {
      this.logger.warn(`Clean-up failed, will try again: ${(error as Error).message}`);
      return undefined;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.runOnce().finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
