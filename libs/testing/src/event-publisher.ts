import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventContract } from '@napl/contracts';
import { envelopeToHeaders, newEnvelope, ProcessedEventEntity } from '@napl/messaging';
import { eventually } from './service-harness';
import { testKafka } from './test-infra';

export interface PublishOptions {
  /** How many copies of the one event to send (a redelivery): same envelope, same event id. */
  readonly copies?: number;
  /** The partitions to send to, each getting the copies; by default the key picks the partition. */
  readonly partitions?: readonly number[];
  /** The event time in the envelope (napl-occurred-at); now by default. */
  readonly occurredAt?: Date;
}

/**
 * Stands in for another service in a test: publishes events exactly as that service's outbox relay would
 * (protobuf payload, envelope in the headers) on the test's own topics.
 */
export class EventPublisher {
  private constructor(
    private readonly producer: Producer,
    private readonly topicPrefix: string,
  ) {}

  static async connect(brokers: readonly string[], topicPrefix: string): Promise<EventPublisher> {
    const producer = testKafka({ brokers: [...brokers] }).producer();
    await producer.connect();
    return new EventPublisher(producer, topicPrefix);
  }

  /**
   * Publishes one event; returns its event id (for `waitUntilConsumed`). Options send it as redelivered copies (same
   * envelope), onto chosen partitions (each gets the copies; by default the key picks one), or stamped with an event
   * time of the test's choosing (producers whose clocks disagree).
   */
  async publish<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>, options: PublishOptions = {}): Promise<string> {
    const value = Buffer.from(toBinary(contract.schema, create(contract.schema, payload)));
    const envelope = newEnvelope(contract.type, undefined, options.occurredAt);
    const headers = envelopeToHeaders(envelope);
    const partitions = options.partitions ?? [undefined];
    await this.producer.send({
      topic: this.topicPrefix + contract.topic.name,
      messages: partitions.flatMap((partition) => Array.from({ length: options.copies ?? 1 }, () => ({ key, partition, value, headers }))),
    });
    return envelope.eventId;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/**
 * Waits until the service has consumed the event with this id (as `publish` returned it; of a type the service
 * handles). Its consumer records the id in its inbox in the transaction that applies the event, so from then on
 * the effect shows, and so does the absence of one: no sleep is needed before asserting that an event changed
 * nothing. Only for an event id the service has not seen before: a redelivered copy finds its id already there
 * (check those with a later event on the same key).
 */
export async function waitUntilConsumed(service: { readonly dataSource: DataSource }, eventId: string, timeoutMs = 15_000): Promise<void> {
  await eventually(
    async () => ((await service.dataSource.getRepository(ProcessedEventEntity).existsBy({ eventId })) ? true : undefined),
    timeoutMs,
    `the service to consume event ${eventId}`,
  );
}
