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
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`Event ${contract.type} must be published inside the transaction of its state change`);
  }
  const envelope = newEnvelope(contract.type, cause);
  const message = create(contract.schema, payload);
  await manager.insert(OutboxMessageEntity, {
    eventId: envelope.eventId,
    topic: contract.topic.name,
    messageKey: key,
    eventType: contract.type,
    payload: Buffer.from(toBinary(contract.schema, message)),
    headers: envelopeToHeaders(envelope),
    occurredAt: new Date(envelope.occurredAt),
    publishedAt: null,
  });
  return envelope;
}
