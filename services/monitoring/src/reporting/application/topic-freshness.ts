import type { EntityManager } from 'typeorm';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { EventContract } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { column, writeFacts, type FactTable } from '../../database/fact-upsert';
import { TopicFreshnessEntity } from '../infrastructure/topic-freshness.entity';

/** The moment an event says something happened: its own field, else the envelope's event time. */
export function eventMoment(stamp: Timestamp | undefined, context: HandlerContext): Date {
  return stamp ? timestampDate(stamp) : new Date(context.envelope.occurredAt);
}

interface TopicRead {
  readonly topic: string;
  readonly readUpTo: Date;
}

/**
 * How far a topic has been read: GREATEST, so events of one topic applied out of order never move it back. Every
 * event of a topic touches its row: a batch folds them to one (the latest), written last in its transaction.
 */
const FRESHNESS: FactTable<TopicRead> = {
  entity: TopicFreshnessEntity,
  columns: [column('topic', 'text', (r) => r.topic), column('read_up_to', 'timestamptz', (r) => r.readUpTo)],
  key: (r) => r.topic,
  onConflict: 'ON CONFLICT (topic) DO UPDATE SET read_up_to = GREATEST(t.read_up_to, EXCLUDED.read_up_to)',
  fold: (a, b) => (b.readUpTo > a.readUpTo ? b : a),
  hot: true,
};

/**
 * Records that the contract's topic has been read up to this event's time. In the event's transaction, so the
 * freshness never runs ahead of the figures.
 */
export async function markTopicRead(contract: EventContract, context: HandlerContext): Promise<void> {
  await writeFacts(context, FRESHNESS, [{ topic: contract.topic.name, readUpTo: new Date(context.envelope.occurredAt) }]);
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
