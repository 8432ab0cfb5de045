import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { EventContract } from '@napl/contracts';
import { envelopeToHeaders, newEnvelope } from '@napl/messaging';

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

  async publish<C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>): Promise<void> {
    const value = Buffer.from(toBinary(contract.schema, create(contract.schema, payload)));
    await this.producer.send({
      topic: this.topicPrefix + contract.topic.name,
      messages: [{ key, value, headers: envelopeToHeaders(newEnvelope(contract.type)) }],
    });
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
