import { fromBinary, type MessageShape } from '@bufbuild/protobuf';
import type { IHeaders } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventContract } from '@napl/contracts';
import { ENVELOPE_HEADERS, envelopeToHeaders, newEnvelope, OutboxMessageEntity } from '@napl/messaging';
import { eventually } from './service-harness';
import { testKafka, uniqueSuffix } from './test-infra';

export interface ReceivedMessage {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

/** What `TopicProbe.catchUp` needs of a running service: its database (the outbox) and the prefix its relay adds. */
export interface OutboxOwner {
  readonly dataSource: DataSource;
  readonly config: { readonly KAFKA_TOPIC_PREFIX: string };
}

/** The event type of a probe's markers. No service handles it, so every consumer passes over it. */
export const PROBE_MARKER_TYPE = 'napl.testing.ProbeMarker';

/** Reads everything on a topic into memory, for assertions on what a service published. */
export class TopicProbe {
  /** The events read, without the probe's own markers. */
  readonly messages: ReceivedMessage[] = [];
  private readonly markersSeen = new Set<string>();
  private readonly kafka = testKafka();
  private readonly consumer = this.kafka.consumer({ groupId: `test-probe-${uniqueSuffix()}` });

  private constructor(readonly topic: string) {}

  static async on(topic: string): Promise<TopicProbe> {
    const probe = new TopicProbe(topic);
    await probe.consumer.connect();
    await probe.consumer.subscribe({ topic, fromBeginning: true });
    await probe.consumer.run({
      eachMessage: async ({ message }) => {
        const headers = stringHeaders(message.headers);
        if (headers[ENVELOPE_HEADERS.eventType] === PROBE_MARKER_TYPE) {
          probe.markersSeen.add(headers[ENVELOPE_HEADERS.eventId]);
          return;
        }
        probe.messages.push({ key: message.key?.toString() ?? null, value: message.value, headers });
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

  /**
   * Waits until this probe has read every event `service` published on this topic for each key so far, so that a
   * test may then assert that an event is absent (a sleep would only make that likely). Writes a marker per key
   * into the service's outbox, behind every row the action under test wrote, and waits until the markers come in:
   * the relay sends the outbox in insertion order, and a marker has the key, so it shares the partition of that
   * key's events, where Kafka keeps order. Call it once the action is done: its HTTP answer came, or the service's
   * inbox holds the event it handled (`waitUntilConsumed`).
   */
  async catchUp(service: OutboxOwner, key: string, ...moreKeys: string[]): Promise<void> {
    const keys = [key, ...moreKeys];
    const prefix = service.config.KAFKA_TOPIC_PREFIX;
    if (!this.topic.startsWith(prefix)) throw new Error(`${this.topic} is not a topic of a service with prefix ${prefix}`);
    const markers = keys.map((markerKey) => ({ key: markerKey, envelope: newEnvelope(PROBE_MARKER_TYPE) }));
    await service.dataSource.getRepository(OutboxMessageEntity).insert(
      markers.map(({ key, envelope }) => ({
        eventId: envelope.eventId,
        topic: this.topic.slice(prefix.length),
        messageKey: key,
        eventType: envelope.eventType,
        payload: Buffer.alloc(0),
        headers: envelopeToHeaders(envelope),
        occurredAt: new Date(envelope.occurredAt),
        publishedAt: null,
      })),
    );
    await eventually(
      async () => (markers.every(({ envelope }) => this.markersSeen.has(envelope.eventId)) ? true : undefined),
      15_000,
      `the probe's markers on ${this.topic} for ${keys.join(', ')}`,
    );
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));
}
