import { Logger } from '@nestjs/common';
import { fromBinary } from '@bufbuild/protobuf';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf, missingRequiredFields, type EventContract } from '@napl/contracts';
import { contextFromHeaders, inSpan, runInRequestContext, SpanKind } from '@napl/observability';
import { causedBy, envelopeFromHeaders, MalformedEnvelopeError, type EventEnvelope } from './envelope';
import type { EventHandler, HandlerContext } from './event-handler';
import { topicName, type KafkaConnection } from './kafka-client';
import { EventFailureEntity, ProcessedEventEntity } from './messaging.entities';
import { publishInTransaction } from './outbox';

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
}

/** A message that can never be processed, whatever the number of tries. */
class PoisonMessageError extends Error {}

/**
 * Consumes the topics of the given handlers idempotently: per message, one transaction records the event
 * id in the inbox and applies the handler's effect; a redelivered event finds its id and changes nothing.
 * A malformed message goes straight to the dead-letter topic; one whose handler keeps failing goes there
 * after `maxAttempts` (counted in the database, so a restart does not reset it). Then the partition moves on.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly consumer: Consumer;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
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
    for (const handler of handlers) {
      if (this.handlers.has(handler.contract.type)) {
        throw new Error(`Two handlers for ${handler.contract.type} in ${options.groupId}`);
      }
      this.handlers.set(handler.contract.type, handler);
    }
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // kafkajs restarts a crashed consumer on a timer; a consumer being stopped must stay stopped.
      retry: { initialRetryTime: 200, retries: 5, restartOnFailure: async () => !this.stopping },
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
    await this.consumer.run({ eachMessage: (payload) => this.process(payload) });
    this.started = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    if (this.producerConnected) await this.deadLetterProducer.disconnect();
    this.producerConnected = false;
    this.started = false;
  }

  private async process(payload: EachMessagePayload): Promise<void> {
    let envelope: EventEnvelope;
    let handler: EventHandler | undefined;
    let event: object;
    try {
      envelope = envelopeFromHeaders(payload.message.headers);
      handler = this.handlers.get(envelope.eventType);
      if (!handler) return; // Another consumer's event type on a shared topic: not ours to apply.
      event = this.decode(handler.contract, payload.message.value);
    } catch (error) {
      if (error instanceof MalformedEnvelopeError || error instanceof PoisonMessageError) {
        await this.deadLetter(payload, error.message, 1);
        return;
      }
      throw error;
    }

    // The handling continues the publisher's trace, and its logs and follow-up events carry the correlation id.
    const parent = contextFromHeaders({ traceparent: envelope.traceparent });
    const attributes = { 'messaging.system': 'kafka', 'messaging.destination.name': payload.topic, 'messaging.message.id': envelope.eventId };
    const context = { source: 'event' as const, requestId: envelope.eventId, correlationId: envelope.correlationId, actor: () => undefined };
    await inSpan(`consume ${envelope.eventType}`, SpanKind.CONSUMER, parent, attributes, () =>
      runInRequestContext(context, () => this.applyWithRetries(payload, handler!, event, envelope)),
    );
  }

  private async applyWithRetries(payload: EachMessagePayload, handler: EventHandler, event: object, envelope: EventEnvelope): Promise<void> {
    for (;;) {
      try {
        await this.applyOnce(handler, event, envelope);
        return;
      } catch (error) {
        const attempts = await this.recordFailure(envelope, payload.topic, error as Error);
        if (attempts >= this.maxAttempts) {
          await this.deadLetter(payload, (error as Error).message, attempts);
          await this.dataSource
            .getRepository(EventFailureEntity)
            .update({ consumerGroup: this.options.groupId, eventId: envelope.eventId }, { deadLetteredAt: new Date() });
          return;
        }
        this.logger.warn(`${envelope.eventType} ${envelope.eventId} failed (try ${attempts}): ${(error as Error).message}`);
        await payload.heartbeat();
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempts));
      }
    }
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

  private async deadLetter(payload: EachMessagePayload, reason: string, attempts: number): Promise<void> {
    if (!this.producerConnected) {
      await this.deadLetterProducer.connect();
      this.producerConnected = true;
    }
    const logicalTopic = payload.topic.slice(this.options.connection.topicPrefix.length);
    this.options.onDeadLetter?.(logicalTopic);
    this.logger.error(`Dead-lettering a message of ${payload.topic}@${payload.partition}:${payload.message.offset}: ${reason}`);
    await this.deadLetterProducer.send({
      topic: topicName(this.options.connection, deadLetterTopicOf(logicalTopic)),
      acks: -1,
      messages: [
        {
          key: payload.message.key,
          value: payload.message.value,
          headers: {
            ...payload.message.headers,
            'napl-dlt-reason': reason.slice(0, 2000),
            'napl-dlt-attempts': String(attempts),
            'napl-dlt-consumer-group': this.options.groupId,
            'napl-dlt-original-topic': payload.topic,
            'napl-dlt-original-partition': String(payload.partition),
            'napl-dlt-original-offset': payload.message.offset,
          },
        },
      ],
    });
  }
}
