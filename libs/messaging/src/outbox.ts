import { create, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import type { EventContract } from '@napl/contracts';
import { envelopeToHeaders, newEnvelope, type EventCause, type EventEnvelope } from './envelope';
import { OutboxMessageEntity } from './messaging.entities';

/**
 * Records an event in the outbox inside the caller's transaction: pass the EntityManager of the
 * transaction that makes the state change. The relay sends it to Kafka after the commit.
 */
export async function publishInTransaction<C extends EventContract>(
  manager: EntityManager,
  contract: C,
  key: string,
  payload: MessageInitShape<C['schema']>,
  cause?: EventCause,
): Promise<EventEnvelope> {
  const [envelope] = await publishManyInTransaction(manager, contract, [{ key, payload }], cause);
  return envelope;
}

/**
 * Many events of one contract in the current transaction, in the given order, in one insert: for a change that
 * touches thousands of aggregates at once (a claim of thousands of lines).
 */
export async function publishManyInTransaction<C extends EventContract>(
  manager: EntityManager,
  contract: C,
  events: readonly { key: string; payload: MessageInitShape<C['schema']> }[],
  cause?: EventCause,
): Promise<EventEnvelope[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`Event ${contract.type} must be published inside the transaction of its state change`);
  }
  const envelopes = events.map(() => newEnvelope(contract.type, cause));
  const payloads = events.map(({ payload }) => Buffer.from(toBinary(contract.schema, create(contract.schema, payload))));
  if (events.length === 1) {
    const [envelope] = envelopes;
    await manager.insert(OutboxMessageEntity, {
      eventId: envelope.eventId,
      topic: contract.topic.name,
      messageKey: events[0].key,
      eventType: contract.type,
      payload: payloads[0],
      headers: envelopeToHeaders(envelope),
      occurredAt: new Date(envelope.occurredAt),
      publishedAt: null,
    });
    return envelopes;
  }
  // Many rows in one statement from arrays; the ORDER BY keeps the outbox's position in the given order.
  const table = manager.connection.getMetadata(OutboxMessageEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (event_id, topic, message_key, event_type, payload, headers, occurred_at)
     SELECT event_id, $2, message_key, $3, payload, headers, occurred_at
       FROM unnest($1::uuid[], $4::text[], $5::bytea[], $6::jsonb[], $7::timestamptz[]) WITH ORDINALITY
            AS event(event_id, message_key, payload, headers, occurred_at, ordinal)
      ORDER BY ordinal`,
    [
      envelopes.map((envelope) => envelope.eventId),
      contract.topic.name,
      contract.type,
      events.map(({ key }) => key),
      payloads,
      envelopes.map((envelope) => JSON.stringify(envelopeToHeaders(envelope))),
      envelopes.map((envelope) => envelope.occurredAt),
    ],
  );
  return envelopes;
}
