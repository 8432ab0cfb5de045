import { Logger } from '@nestjs/common';
import { fromBinary } from '@bufbuild/protobuf';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf, missingRequiredFields, type EventContract } from '@napl/contracts';
import { contextFromHeaders, inSpan, runInRequestContext, SpanKind } from '@napl/observability';
import { causedBy, envelopeFromHeaders, MalformedEnvelopeError, type EventEnvelope } from './envelope';
import type { EventHandler, HandlerContext } from './event-handler';
import { KAFKA_RETRY, topicName, type KafkaConnection } from './kafka-client';
import { EventFailureEntity, ProcessedEventEntity } from './messaging.entities';
import { publishInTransaction } from './outbox';
import { DEFAULT_TRANSIENT_BACKOFF, transientDelayMs, transientReason, type TransientBackoff } from './transient-errors';

export interface EventConsumerOptions {
  readonly connection: KafkaConnection;
  /** Stable per service, e.g. `napl.enrolments`; never shared between services. */
  readonly groupId: string;
  /** Tries before a message that keeps failing goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  /** Read topics from their start when the group has no committed offset (replays, tests). */
  readonly fromBeginning?: boolean;
  /** Called when kafkajs gives up on the consumer; in production the process exits and is restarted. */
  readonly onCrash?: (error: Error) => void;
  /** Reports for the metrics: how far behind a partition is after a batch, and each dead-lettered message. */
  readonly onLag?: (topic: string, partition: number, lag: number) => void;
  readonly onDeadLetter?: (topic: string) => void;
  /**
   * Partitions whose events are handled at the same time (kafkajs' partitionsConsumedConcurrently); the events of
   * one partition are still handled one after the other, in order. Default 6.
   */
  readonly partitionsConsumedConcurrently?: number;
  /** The waits between tries after a transient error (see transient-errors.ts). Default 100 ms doubling to 5 s. */
  readonly transientBackoff?: TransientBackoff;
  /** How long the group waits for a member that stopped heartbeating (a killed instance) before it hands its partitions on. */
  readonly sessionTimeoutMs?: number;
}

/**
 * Group membership and fetching. The session timeout bounds how long a killed instance's partitions, and a member
 * left over from before a broker restart, hold up the group: kafkajs' 30 s default made a restarted instance, and
 * every consumer after a broker restart, wait about 30 s. 6 s is the broker's smallest allowed value
 * (group.min.session.timeout.ms). Heartbeats go out between fetches and messages (and every second during a long
 * handler, see `whileHeartbeating`); a fetch waits at most 1 s for new data, so they stay well inside 6 s.
 */
export const CONSUMER_GROUP_TIMING = {
  sessionTimeout: 6_000,
  heartbeatInterval: 1_000,
  /** How long a rebalance waits for the live members to rejoin (they finish the message at hand first). */
  rebalanceTimeout: 30_000,
  maxWaitTimeInMs: 1_000,
} as const;

/**
 * The longest wait before a retry that the consumer waits out in the batch (holding up the fetching of the other
 * partitions that long); a longer one pauses the message's partition instead. A paused partition is fetched again at
 * the next fetch after its wait, so its retry comes up to `maxWaitTimeInMs` (1 s) later than the wait.
 */
const IN_PLACE_RETRY_MAX_MS = 250;

/** Where a message came from: what a retry, a dead letter and the logs need. */
interface Delivery {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/** A message that can never be processed, whatever the number of tries. */
class PoisonMessageError extends Error {}

/**
 * Consumes the topics of the given handlers idempotently: per message, one transaction records the event
 * id in the inbox and applies the handler's effect; a redelivered event finds its id and changes nothing.
 * A malformed message goes straight to the dead-letter topic; one whose handler keeps failing goes there
 * after `maxAttempts` (counted in the database, so a restart does not reset it). Then the partition moves on.
 * A transient error (serialisation failure, deadlock, lost connection: `transientReason`) is retried with backoff
 * for as long as it lasts, and never counted. While a message waits for its next try, its partition is paused and
 * the other partitions go on; the message is fetched again when the wait is over, so the order per partition holds.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly consumer: Consumer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly transientBackoff: TransientBackoff;
  /** Per partition, the message that failed transiently and how often in a row: its next wait doubles. */
  private readonly transientTries = new Map<string, { offset: string; tries: number }>();
  /** The timers that resume partitions paused for a retry; cleared on stop. */
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private producerConnected = false;
  private started = false;
  private stopping = false;

  constructor(
    kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetterProducer: Producer,
    handlers: readonly EventHandler[],
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`EventConsumer(${options.groupId})`);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.transientBackoff = options.transientBackoff ?? DEFAULT_TRANSIENT_BACKOFF;
    for (const handler of handlers) {
      if (this.handlers.has(handler.contract.type)) {
        throw new Error(`Two handlers for ${handler.contract.type} in ${options.groupId}`);
      }
      this.handlers.set(handler.contract.type, handler);
    }
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      ...CONSUMER_GROUP_TIMING,
      sessionTimeout: options.sessionTimeoutMs ?? CONSUMER_GROUP_TIMING.sessionTimeout,
      // After about 5 s of failed fetches (a broker restart) kafkajs restarts the consumer, 200 ms later, and it
      // rejoins as soon as the broker answers. A consumer being stopped must stay stopped.
      retry: { ...KAFKA_RETRY, maxRetryTime: 2_000, restartOnFailure: async () => !this.stopping },
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      if (!event.payload.restart) options.onCrash?.(event.payload.error);
    });
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      options.onLag?.(payload.topic, payload.partition, Number(payload.offsetLag));
    });
  }

  get topics(): string[] {
    return [...new Set([...this.handlers.values()].map((h) => topicName(this.options.connection, h.contract.topic)))];
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0 || this.started) return;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 6,
      // Offsets are resolved message by message: one left unresolved (waiting for a retry) is fetched again.
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
    this.started = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.resumeTimers) clearTimeout(timer);
    this.resumeTimers.clear();
    await this.consumer.disconnect();
    if (this.producerConnected) await this.deadLetterProducer.disconnect();
    this.producerConnected = false;
    this.started = false;
  }

  /**
   * One partition's batch, in order. A message to be tried again after a short wait (up to IN_PLACE_RETRY_MAX_MS) is
   * tried again here. After a longer wait, it pauses the partition for the wait and ends the batch without resolving
   * its offset: kafkajs fetches new data for the other partitions only once every batch of its last fetch is done,
   * so waiting here would hold them up. When resumed, the partition is fetched again from that message.
   */
  private async processBatch({ batch, resolveOffset, heartbeat, pause, isRunning, isStale }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      const delivery: Delivery = { topic: batch.topic, partition: batch.partition, message };
      for (;;) {
        if (this.stopping || !isRunning() || isStale()) return;
        const retryInMs = await this.whileHeartbeating(heartbeat, () => this.process(delivery));
        if (retryInMs === undefined) break;
        if (retryInMs > IN_PLACE_RETRY_MAX_MS) {
          if (!this.stopping) this.pauseFor(pause, retryInMs);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
  }

  /** Keeps the group membership alive during a long handler: kafkajs itself heartbeats only between messages. */
  private async whileHeartbeating<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    // A failed heartbeat (e.g. a rebalance) is noticed again by the heartbeat after the message, which kafkajs acts on.
    const timer = setInterval(() => void heartbeat().catch(() => undefined), CONSUMER_GROUP_TIMING.heartbeatInterval);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private pauseFor(pause: () => () => void, delayMs: number): void {
    const resume = pause();
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      resume();
    }, delayMs);
    this.resumeTimers.add(timer);
  }

  /** Handles one message: undefined when it is done with (applied, not ours, dead-lettered), else the wait before its next try. */
  private async process(delivery: Delivery): Promise<number | undefined> {
    let envelope: EventEnvelope;
    let handler: EventHandler | undefined;
    let event: object;
    try {
      envelope = envelopeFromHeaders(delivery.message.headers);
      handler = this.handlers.get(envelope.eventType);
      if (!handler) return undefined; // Another consumer's event type on a shared topic: not ours to apply.
      event = this.decode(handler.contract, delivery.message.value);
    } catch (error) {
      if (error instanceof MalformedEnvelopeError || error instanceof PoisonMessageError) {
        try {
          await this.deadLetter(delivery, error.message, 1);
          return undefined;
        } catch (sendError) {
          return this.transientRetry(delivery, 'the dead letter', `could not be sent: ${(sendError as Error).message}`);
        }
      }
      throw error;
    }

    // The handling continues the publisher's trace, and its logs and follow-up events carry the correlation id.
    const parent = contextFromHeaders({ traceparent: envelope.traceparent });
    const attributes = { 'messaging.system': 'kafka', 'messaging.destination.name': delivery.topic, 'messaging.message.id': envelope.eventId };
    const context = { source: 'event' as const, requestId: envelope.eventId, correlationId: envelope.correlationId, actor: () => undefined };
    return inSpan(`consume ${envelope.eventType}`, SpanKind.CONSUMER, parent, attributes, () =>
      runInRequestContext(context, () => this.apply(delivery, handler!, event, envelope)),
    );
  }

  /** One try at the event; on failure, the wait before the next one (or undefined once it is dead-lettered). */
  private async apply(delivery: Delivery, handler: EventHandler, event: object, envelope: EventEnvelope): Promise<number | undefined> {
    const what = `${envelope.eventType} ${envelope.eventId}`;
    let thrown: unknown;
    try {
      await this.applyOnce(handler, event, envelope);
      this.transientTries.delete(partitionKey(delivery));
      return undefined;
    } catch (error) {
      thrown = error;
    }
    const transient = transientReason(thrown);
    if (transient) return this.transientRetry(delivery, what, `failed transiently (${transient})`);
    this.transientTries.delete(partitionKey(delivery));
    // Nest's filters may hand back something other than an Error; its message is what gets recorded.
    const failure = thrown instanceof Error ? thrown : new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown) ?? String(thrown));
    try {
      const attempts = await this.recordFailure(envelope, delivery.topic, failure);
      if (attempts >= this.maxAttempts) {
        await this.deadLetter(delivery, failure.message, attempts);
        await this.dataSource
          .getRepository(EventFailureEntity)
          .update({ consumerGroup: this.options.groupId, eventId: envelope.eventId }, { deadLetteredAt: new Date() })
          .catch((error: Error) => this.logger.warn(`Could not mark ${what} dead-lettered: ${error.message}`));
        return undefined;
      }
      this.logger.warn(`${what} failed (try ${attempts}): ${failure.message}`);
      return this.retryDelayMs * attempts;
    } catch (error) {
      // Counting the try or dead-lettering failed (the database or Kafka is away): try the event again later.
      return this.transientRetry(delivery, what, `failed (${failure.message}), and so did recording it: ${(error as Error).message}`);
    }
  }

  /** The wait before the next try after a transient failure: it doubles while the same message keeps failing. */
  private transientRetry(delivery: Delivery, what: string, problem: string): number {
    const key = partitionKey(delivery);
    const previous = this.transientTries.get(key);
    const tries = previous?.offset === delivery.message.offset ? previous.tries + 1 : 1;
    this.transientTries.set(key, { offset: delivery.message.offset, tries });
    const delayMs = transientDelayMs(tries, this.transientBackoff);
    this.logger.warn(`${what} ${problem}; trying again in ${delayMs} ms (transient failure ${tries}, not counted)`);
    return delayMs;
  }

  private decode(contract: EventContract, value: Buffer | null): object {
    if (!value) throw new PoisonMessageError(`${contract.type}: empty payload`);
    let message: object;
    try {
      message = fromBinary(contract.schema, value);
    } catch (error) {
      throw new PoisonMessageError(`${contract.type}: payload does not decode: ${(error as Error).message}`);
    }
    const missing = missingRequiredFields(message, contract.requiredFields);
    if (missing.length > 0) throw new PoisonMessageError(`${contract.type}: required fields missing: ${missing.join(', ')}`);
    return message;
  }

  private async applyOnce(handler: EventHandler, event: object, envelope: EventEnvelope): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ProcessedEventEntity)
        .values({ consumerGroup: this.options.groupId, eventId: envelope.eventId, eventType: envelope.eventType })
        .orIgnore()
        .returning(['event_id'])
        .execute();
      if (inserted.raw.length === 0) return; // Applied before: a redelivery changes nothing.
      const context: HandlerContext = {
        manager,
        envelope,
        publish: (contract, key, payload) => publishInTransaction(manager, contract, key, payload, causedBy(envelope)),
      };
      await handler.handle(event as never, context);
    });
  }

  private async recordFailure(envelope: EventEnvelope, topic: string, error: Error): Promise<number> {
    const table = this.dataSource.getMetadata(EventFailureEntity).tablePath;
    const [row] = await this.dataSource.query(
      `INSERT INTO ${table} (consumer_group, event_id, topic, attempts, last_error, updated_at)
       VALUES ($1, $2, $3, 1, $4, now())
       ON CONFLICT (consumer_group, event_id)
       DO UPDATE SET attempts = ${table}.attempts + 1, last_error = EXCLUDED.last_error, updated_at = now()
       RETURNING attempts`,
      [this.options.groupId, envelope.eventId, topic, error.message.slice(0, 2000)],
    );
    return row.attempts as number;
  }

  private async deadLetter(delivery: Delivery, reason: string, attempts: number): Promise<void> {
    if (!this.producerConnected) {
      await this.deadLetterProducer.connect();
      this.producerConnected = true;
    }
    const { topic, partition, message } = delivery;
    const logicalTopic = topic.slice(this.options.connection.topicPrefix.length);
    this.logger.error(`Dead-lettering a message of ${topic}@${partition}:${message.offset}: ${reason}`);
    await this.deadLetterProducer.send({
      topic: topicName(this.options.connection, deadLetterTopicOf(logicalTopic)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'napl-dlt-reason': reason.slice(0, 2000),
            'napl-dlt-attempts': String(attempts),
            'napl-dlt-consumer-group': this.options.groupId,
            'napl-dlt-original-topic': topic,
            'napl-dlt-original-partition': String(partition),
            'napl-dlt-original-offset': message.offset,
          },
        },
      ],
    });
    this.options.onDeadLetter?.(logicalTopic);
  }
}

function partitionKey({ topic, partition }: Delivery): string {
  return `${topic}|${partition}`;
}
