import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventContract } from '@napl/contracts';
import { envelopeToHeaders, newEnvelope, ProcessedEventEntity } from '@napl/messaging';
import { eventually } from './service-harness';

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
    const producer = new Kafka({ brokers: [...brokers], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    return new EventPublisher(producer, topicPrefix);
  }

  /** Publishes one event; returns its event id (for `waitUntilConsumed`). */
  async publish<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>): Promise<string> {
    const value = Buffer.from(toBinary(contract.schema, create(contract.schema, payload)));
    const envelope = newEnvelope(contract.type);
    await this.producer.send({
      topic: this.topicPrefix + contract.topic.name,
      messages: [{ key, value, headers: envelopeToHeaders(envelope) }],
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
