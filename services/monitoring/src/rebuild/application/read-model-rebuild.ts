import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { fromBinary } from '@bufbuild/protobuf';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { missingRequiredFields } from '@napl/contracts';
import { createKafka, envelopeFromHeaders, ProcessedEventEntity, topicName, transientDelayMs, transientReason, type EventEnvelope, type HandlerContext, type KafkaConnection } from '@napl/messaging';
import { runServiceMigrations } from '@napl/persistence';
import { batchedContext, FactBatch } from '../../database/fact-upsert';
import { allCaughtUp, topicProgress, type PartitionPosition, type TopicProgress } from '../domain/rebuild-progress';
import { createIndexes, dropSecondaryIndexes, emptySchema, ensureRebuildSchemas, setShadowLogged, shadowDataSource, switchToRebuilt, type RebuildSchemas, type SchemaRights } from '../infrastructure/rebuild-schemas';
import { ApplyQueue } from './apply-queue';
import type { EventTypeHandlers } from './event-handler-methods';

export type RebuildPhase = 'preparing' | 'reading' | 'switching' | 'done';

export interface RebuildReport {
  readonly phase: RebuildPhase;
  readonly eventsApplied: number;
  readonly topics: TopicProgress[];
}

export interface RebuildSettings {
  readonly connection: KafkaConnection;
  /** The live consumer group: the rebuilt inbox records the events under it, so the live consumer passes over them. */
  readonly liveGroupId: string;
  /** The rebuild's own consumer group, read from the earliest offsets (any offsets it has are reset first). */
  readonly rebuildGroupId: string;
  readonly schemas: RebuildSchemas;
  readonly rights: SchemaRights;
  /** Partitions applied at the same time, each batch in its own transaction. Default 4. */
  readonly concurrency?: number;
  /** How often progress is reported and the end offsets fetched again. Default 1 s. */
  readonly reportIntervalMs?: number;
}

export interface RebuildCallbacks {
  /** Called every report interval (and at each phase change); a rejection stops nothing. */
  report(report: RebuildReport): Promise<void>;
  /** Runs in the switch's transaction, in the live schema. */
  switched(manager: EntityManager, report: RebuildReport): Promise<void>;
}

interface DecodedEvent {
  readonly envelope: EventEnvelope;
  readonly handlers: EventTypeHandlers;
  readonly event: object;
}

/**
 * Lets batches run side by side and the switch run alone: the switch waits for the batches in flight and holds new
 * ones back, so the rebuilt tables do not change while they are checked and moved.
 */
class SwitchGate {
  private inFlight = 0;
  private drained?: () => void;
  private closed?: Promise<void>;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open!: () => void;
    this.closed = new Promise((resolve) => (open = resolve));
    try {
      while (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      return await work();
    } finally {
      this.closed = undefined;
      this.drained = undefined;
      open();
    }
  }
}

/**
 * Rebuilds every read model from the start of the topics into fresh tables, and switches the live schema to them once
 * caught up; the live consumer and the figures go on meanwhile (see switchToRebuilt).
 *
 * It runs the live handlers, batch by batch: per partition batch one transaction records the new event ids in the
 * rebuilt inbox with one statement (a copy of an event already applied is passed over, as by the live consumer), runs
 * the handlers of the new events, which gather their fact rows rather than write them, and writes each table's rows
 * with one statement per table (fact-upsert.ts). The facts' upsert rules are order-independent, so a batch's rows
 * written together leave what the events one by one would. Batches are applied off the consumer's fetch loop (see
 * ApplyQueue): a partition's in order, different partitions side by side.
 */
export class ReadModelRebuild {
  private readonly logger = new Logger('ReadModelRebuild');
  private readonly gate = new SwitchGate();
  private readonly queue: ApplyQueue;
  private readonly positions = new Map<string, PartitionPosition>();
  private shadow?: DataSource;
  private kafka?: Kafka;
  private consumer?: Consumer;
  private crashed?: Error;
  private switched = false;
  /** Whether the shadow tables are logged again (they are filled unlogged, see setShadowLogged) and fully indexed. */
  private logged = false;
  /** The secondary indexes left out while the tables fill (see dropSecondaryIndexes), built when caught up. */
  private droppedIndexes: string[] = [];
  private eventsApplied = 0;
  private skipped = 0;
  private phase: RebuildPhase = 'preparing';
  /** Where the time of the batches went (ms), for the log at the end: decoding, inbox, handlers, fact writes. */
  private readonly spent = { batches: 0, decode: 0, inbox: 0, handlers: 0, facts: 0, commit: 0 };

  constructor(
    private readonly live: DataSource,
    private readonly handlers: Map<string, EventTypeHandlers>,
    private readonly settings: RebuildSettings,
    private readonly callbacks: RebuildCallbacks,
  ) {
    // Twice the partitions applied at once: each has its next batch decoded and waiting while one is applied.
    this.queue = new ApplyQueue(2 * (settings.concurrency ?? 4), (error) => (this.crashed ??= error));
  }

  /** Runs the whole rebuild; resolves once the rebuilt tables are live. Stop it with `stop`. */
  async run(): Promise<RebuildReport> {
    try {
      await this.prepare();
      const since = await this.read();
      return await this.switchWhenCaughtUp(since);
    } finally {
      await this.close();
    }
  }

  private stopped = false;

  /** Stops a running rebuild without switching (the service shuts down). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.close();
  }

  private get topics(): string[] {
    return [...new Set([...this.handlers.values()].map((h) => topicName(this.settings.connection, h.contract.topic)))].sort();
  }

  private report(): RebuildReport {
    const prefix = this.settings.connection.topicPrefix;
    return {
      phase: this.phase,
      eventsApplied: this.eventsApplied,
      topics: topicProgress([...this.positions.values()]).map((topic) => ({ ...topic, topic: topic.topic.slice(prefix.length) })),
    };
  }

  private async tell(): Promise<void> {
    await this.callbacks.report(this.report()).catch((error: Error) => this.logger.warn(`Could not report the progress: ${error.message}`));
  }

  /** Fresh, empty tables by the service's own migrations, in the shadow schema; the retired schema emptied. */
  private async prepare(): Promise<void> {
    await this.tell();
    const { schemas, rights } = this.settings;
    await ensureRebuildSchemas(this.live, schemas, rights);
    await emptySchema(this.live, schemas.shadow);
    await emptySchema(this.live, schemas.retired);
    this.shadow = shadowDataSource(this.live, schemas.shadow, (this.settings.concurrency ?? 4) + 1);
    await this.shadow.initialize();
    await runServiceMigrations(this.shadow, (line) => this.logger.log(line));
    await setShadowLogged(this.shadow, schemas.shadow, false);
    this.droppedIndexes = await dropSecondaryIndexes(this.shadow, schemas.shadow);
  }

  /** Starts reading every topic from its earliest offset under the rebuild's group; returns the moment it began. */
  private async read(): Promise<Date> {
    this.phase = 'reading';
    const [{ now }] = await this.live.query(`SELECT now() AS now`);
    this.kafka = createKafka(this.settings.connection);
    await this.resetGroup();
    await this.fetchEndOffsets();
    await this.tell();
    this.consumer = this.kafka.consumer({ groupId: this.settings.rebuildGroupId, allowAutoTopicCreation: false, sessionTimeout: 6_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 500, maxBytesPerPartition: 4 * 1024 * 1024 });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      if (!event.payload.restart) this.crashed = event.payload.error;
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.settings.concurrency ?? 4,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.batch(payload),
    });
    return new Date(now);
  }

  /** A group left over from an earlier rebuild would start where that one stopped: it goes first. */
  private async resetGroup(): Promise<void> {
    const admin = this.kafka!.admin();
    await admin.connect();
    try {
      await admin.deleteGroups([this.settings.rebuildGroupId]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }

  private async fetchEndOffsets(): Promise<void> {
    const admin = this.kafka!.admin();
    await admin.connect();
    try {
      for (const topic of this.topics) {
        for (const offsets of await admin.fetchTopicOffsets(topic)) {
          const key = `${topic}|${offsets.partition}`;
          const known = this.positions.get(key);
          this.positions.set(key, { topic, partition: offsets.partition, start: Number(offsets.low), end: Number(offsets.high), read: known?.read });
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async switchWhenCaughtUp(since: Date): Promise<RebuildReport> {
    const interval = this.settings.reportIntervalMs ?? 1_000;
    for (;;) {
      if (this.stopped) throw new Error('de herbouw is gestopt');
      if (this.crashed) throw this.crashed;
      await new Promise((resolve) => setTimeout(resolve, interval));
      await this.fetchEndOffsets();
      await this.tell();
      if (!allCaughtUp([...this.positions.values()])) continue;
      if (!this.logged) {
        // Caught up for the first time: the tables become logged and get their secondary indexes (batches wait), then
        // the few events since are read.
        this.phase = 'switching';
        await this.tell();
        const started = performance.now();
        await this.gate.exclusive(async () => {
          await setShadowLogged(this.shadow!, this.settings.schemas.shadow, true);
          const logged = performance.now();
          await createIndexes(this.shadow!, this.droppedIndexes);
          this.logger.log(`Rebuilt tables made durable (logged) in ${seconds(logged - started)} and indexed in ${seconds(performance.now() - logged)}`);
        });
        this.logged = true;
        this.phase = 'reading';
        continue;
      }
      this.phase = 'switching';
      const outcome = await this.gate.exclusive(async () => {
        const result = await switchToRebuilt(this.live, {
          schemas: this.settings.schemas,
          groupId: this.settings.liveGroupId,
          since,
          onSwitched: (manager) => this.callbacks.switched(manager, { ...this.report(), phase: 'done' }),
        });
        // Batches waiting at the gate must not write to the shadow schema, which is live now.
        if (result.switched) this.switched = true;
        return result;
      });
      if (outcome.switched) {
        this.phase = 'done';
        const { batches, ...parts } = this.spent;
        const spent = Object.entries(parts).map(([part, ms]) => `${part} ${seconds(ms)}`).join(', ');
        this.logger.log(`Rebuilt read models are live: ${this.eventsApplied} events applied in ${batches} batches (${spent}), ${this.skipped} passed over`);
        return this.report();
      }
      // The live consumer applied events the rebuild has not read yet (they arrived meanwhile): read on.
      this.logger.log(`Not switching yet: ${outcome.missing} event(s) applied live are not rebuilt yet`);
      this.phase = 'reading';
    }
  }

  /**
   * Decodes a fetched batch and hands it to the apply queue. Its offsets are resolved at once: the rebuild's group is
   * deleted before and after every rebuild, so its committed offsets never serve to resume; what counts as read is the
   * position recorded once the batch is applied.
   */
  private async batch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (this.switched || this.stopped || !isRunning() || isStale() || batch.messages.length === 0) return;
    const decodeStarted = performance.now();
    const decoded: DecodedEvent[] = [];
    for (const message of batch.messages) {
      const item = this.decode(message.headers, message.value);
      if (item) decoded.push(item);
    }
    this.spent.decode += performance.now() - decodeStarted;
    this.spent.batches += 1;
    const { topic, partition } = batch;
    const first = Number(batch.firstOffset() ?? 0);
    const last = Number(batch.messages[batch.messages.length - 1].offset);
    const highWatermark = Number(batch.highWatermark);
    const key = `${topic}|${partition}`;
    await this.queue.add(key, async () => {
      if (this.stopped || this.crashed) return; // a failed batch stops the rebuild: the ones after it need not run
      const applied = await this.gate.shared(async () => (this.switched ? undefined : this.apply(decoded)));
      if (applied === undefined) return;
      this.eventsApplied += applied;
      const position = this.positions.get(key);
      this.positions.set(key, { topic, partition, start: position?.start ?? first, end: Math.max(position?.end ?? 0, highWatermark), read: last + 1 });
    });
    resolveOffset(String(last));
    await heartbeat();
  }

  /**
   * The event of a message, or undefined for one the live consumer does not apply either: another service's event type
   * on a shared topic, or a malformed message (which the live consumer sent to the dead-letter topic).
   */
  private decode(headers: Parameters<typeof envelopeFromHeaders>[0], value: Buffer | null): DecodedEvent | undefined {
    try {
      const envelope = envelopeFromHeaders(headers);
      const handlers = this.handlers.get(envelope.eventType);
      if (!handlers) return undefined;
      if (!value) throw new Error(`${envelope.eventType}: empty payload`);
      const event = fromBinary(handlers.contract.schema, value);
      const missing = missingRequiredFields(event, handlers.contract.requiredFields);
      if (missing.length > 0) throw new Error(`${envelope.eventType}: required fields missing: ${missing.join(', ')}`);
      return { envelope, handlers, event };
    } catch (error) {
      this.skipped += 1;
      this.logger.warn(`Passing over a message the live consumer dead-letters too: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Applies a batch in one transaction, trying again after a transient failure; returns the events applied. */
  private async apply(events: readonly DecodedEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        let committing = 0;
        const applied = await this.shadow!.transaction(async (manager) => {
          const count = await this.applyIn(manager, events);
          committing = performance.now();
          return count;
        });
        this.spent.commit += performance.now() - committing;
        return applied;
      } catch (error) {
        if (transientReason(error)) {
          await new Promise((resolve) => setTimeout(resolve, transientDelayMs(attempt)));
          continue;
        }
        if (events.length === 1) {
          // A handler that fails for this event fails live too, where it ends in the dead-letter topic after its tries.
          this.skipped += 1;
          this.logger.warn(`Passing over ${events[0].envelope.eventType} ${events[0].envelope.eventId}: ${(error as Error).message}`);
          return 0;
        }
        // One event of the batch fails: apply them one by one to pass over only that one.
        let applied = 0;
        for (const event of events) applied += await this.apply([event]);
        return applied;
      }
    }
  }

  private async applyIn(manager: EntityManager, events: readonly DecodedEvent[]): Promise<number> {
    const inbox = manager.connection.getMetadata(ProcessedEventEntity).tablePath;
    const firstOfId = new Map<string, DecodedEvent>();
    for (const event of events) if (!firstOfId.has(event.envelope.eventId.toLowerCase())) firstOfId.set(event.envelope.eventId.toLowerCase(), event);
    let mark = performance.now();
    const lap = (part: 'inbox' | 'handlers' | 'facts') => {
      const now = performance.now();
      this.spent[part] += now - mark;
      mark = now;
    };
    const inserted: { event_id: string }[] = await manager.query(
      // Ids and type names hold no comma: two comma-separated lists are the cheapest way to send thousands of them.
      `INSERT INTO ${inbox} (consumer_group, event_id, event_type)
       SELECT $1, * FROM unnest(string_to_array($2, ',')::uuid[], string_to_array($3, ','))
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.settings.liveGroupId, [...firstOfId.keys()].join(','), [...firstOfId.values()].map((event) => event.envelope.eventType).join(',')],
    );
    lap('inbox');
    const fresh = new Set(inserted.map((row) => row.event_id));
    const facts = new FactBatch();
    for (const [eventId, { envelope, handlers, event }] of firstOfId) {
      if (!fresh.has(eventId)) continue; // applied before: a redelivered copy changes nothing
      const context = batchedContext({ manager, envelope, publish: refusePublishing }, facts);
      for (const method of handlers.methods) await method(event, context);
    }
    lap('handlers');
    await facts.flush(manager);
    lap('facts');
    return inserted.length;
  }

  private async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) {
      await consumer.disconnect().catch(() => undefined);
      await this.queue.drained();
      if (this.kafka) {
        const admin = this.kafka.admin();
        await admin
          .connect()
          .then(() => admin.deleteGroups([this.settings.rebuildGroupId]))
          .catch(() => undefined)
          .finally(() => admin.disconnect().catch(() => undefined));
      }
    }
    const shadow = this.shadow;
    this.shadow = undefined;
    if (shadow?.isInitialized) await shadow.destroy().catch(() => undefined);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Monitoring publishes nothing; a handler that tried would be a mistake the rebuild must not hide. */
const refusePublishing: HandlerContext['publish'] = () => Promise.reject(new Error('monitoring publishes no events'));
