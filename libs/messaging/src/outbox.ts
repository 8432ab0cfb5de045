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
 * Many events of one contract in the current transaction, in the given order, with one insert per thousand: for a
 * change that touches thousands of aggregates at once (a claim of thousands of lines).
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
  const envelopes: EventEnvelope[] = [];
  const rows = events.map(({ key, payload }) => {
    const envelope = newEnvelope(contract.type, cause);
    envelopes.push(envelope);
    return {
      eventId: envelope.eventId,
      topic: contract.topic.name,
      messageKey: key,
      eventType: contract.type,
      payload: Buffer.from(toBinary(contract.schema, create(contract.schema, payload))),
      headers: envelopeToHeaders(envelope),
      occurredAt: new Date(envelope.occurredAt),
      publishedAt: null,
    };
  });
  // Rows go in one statement each thousand: the outbox's position keeps their order within the transaction.
  for (let start = 0; start < rows.length; start += 1000) await manager.insert(OutboxMessageEntity, rows.slice(start, start + 1000));
  return envelopes;
}
