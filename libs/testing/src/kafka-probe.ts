import { fromBinary, type MessageShape } from '@bufbuild/protobuf';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import type { EventContract } from '@napl/contracts';
import { testInfraFromEnv, uniqueSuffix } from './test-infra';

export interface ReceivedMessage {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

/** Reads everything on a topic into memory, for assertions on what a service published. */
export class TopicProbe {
  readonly messages: ReceivedMessage[] = [];
  private readonly kafka = new Kafka({ brokers: testInfraFromEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  private readonly consumer = this.kafka.consumer({ groupId: `test-probe-${uniqueSuffix()}` });

  static async on(topic: string): Promise<TopicProbe> {
    const probe = new TopicProbe();
    await probe.consumer.connect();
    await probe.consumer.subscribe({ topic, fromBeginning: true });
    await probe.consumer.run({
      eachMessage: async ({ message }) => {
        probe.messages.push({ key: message.key?.toString() ?? null, value: message.value, headers: stringHeaders(message.headers) });
      },
    });
    return probe;
  }

  /** The events of one type received so far (only those with `key`, when given), decoded. */
  eventsOf<C extends EventContract>(contract: C, key?: string): MessageShape<C['schema']>[] {
    return this.messages
      .filter((message) => message.headers['napl-event-type'] === contract.type && (key === undefined || message.key === key))
      .map((message) => fromBinary(contract.schema, message.value!) as MessageShape<C['schema']>);
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));
}
