import type { EntityManager } from 'typeorm';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { EventContract } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { TopicFreshnessEntity } from '../infrastructure/topic-freshness.entity';

/** The moment an event says something happened: its own field, else the envelope's event time. */
export function eventMoment(stamp: Timestamp | undefined, context: HandlerContext): Date {
  return stamp ? timestampDate(stamp) : new Date(context.envelope.occurredAt);
}

/**
 * Records that the contract's topic has been read up to this event's time. In the event's transaction, so the
 * freshness never runs ahead of the figures; GREATEST, so events of one topic applied out of order never move it back.
 */
export async function markTopicRead(contract: EventContract, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(TopicFreshnessEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} (topic, read_up_to) VALUES ($1, $2)
     ON CONFLICT (topic) DO UPDATE SET read_up_to = GREATEST(${table}.read_up_to, EXCLUDED.read_up_to)`,
    [contract.topic.name, new Date(envelope.occurredAt)],
  );
}

export interface TopicFreshness {
  readonly topic: string;
  /** The latest event time applied from the topic; null when nothing has been read from it yet. */
  readonly readUpTo: string | null;
}

/** Every topic monitoring reads, with how far it has been read (null: nothing yet). */
export async function readFreshness(manager: EntityManager, topics: readonly string[]): Promise<TopicFreshness[]> {
  const rows = await manager.getRepository(TopicFreshnessEntity).find();
  const byTopic = new Map(rows.map((row) => [row.topic, row.readUpTo.toISOString()]));
  return [...topics].sort().map((topic) => ({ topic, readUpTo: byTopic.get(topic) ?? null }));
}
