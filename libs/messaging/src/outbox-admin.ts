import type { DataSource } from 'typeorm';
import { OutboxMessageEntity } from './messaging.entities';

/** Which parked messages to send again: the given event ids, or all of them. */
export type ParkedSelection = { readonly eventIds: readonly string[] } | { readonly all: true };

export interface ParkedMessage {
  readonly eventId: string;
  readonly eventType: string;
  readonly topic: string;
  readonly key: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly parkedAt: Date;
}

export interface OutboxState {
  /** Unpublished and not parked: what the relay still has to send. */
  readonly backlog: number;
  /** Age in seconds of the oldest event in the backlog (0 when empty). */
  readonly oldestAgeSeconds: number;
  /** Parked: refused by Kafka on every try; waiting for a fix and `resendParkedMessages`. */
  readonly parked: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Un-parks messages after the cause is fixed (the topic created or allowed, its max.message.bytes raised): their
 * tries start again from 0 and the relay sends them, and the events of their keys that waited behind them, in order.
 * Returns the event ids un-parked (an id that is not parked, or already published, is left out).
 */
export async function resendParkedMessages(dataSource: DataSource, selection: ParkedSelection): Promise<string[]> {
  const table = dataSource.getMetadata(OutboxMessageEntity).tablePath;
  const eventIds = 'eventIds' in selection ? [...selection.eventIds] : undefined;
  const invalid = eventIds?.filter((id) => !UUID.test(id)) ?? [];
  if (invalid.length > 0) throw new Error(`Not an event id: ${invalid.join(', ')}`);
  if (eventIds?.length === 0) return [];
  const [rows] = (await dataSource.query(
    `UPDATE ${table} SET parked_at = NULL, attempts = 0, locked_until = NULL, claimed_by = NULL
      WHERE parked_at IS NOT NULL AND published_at IS NULL ${eventIds ? 'AND event_id = ANY($1::uuid[])' : ''}
      RETURNING event_id`,
    eventIds ? [eventIds] : [],
  )) as [{ event_id: string }[], number];
  return rows.map((row) => row.event_id);
}

/** The parked messages, oldest first (for the resend command and operators). */
export async function parkedMessages(dataSource: DataSource): Promise<ParkedMessage[]> {
  const rows = await dataSource
    .getRepository(OutboxMessageEntity)
    .createQueryBuilder('message')
    .where('message.publishedAt IS NULL AND message.parkedAt IS NOT NULL')
    .orderBy('message.position')
    .getMany();
  return rows.map((row) => ({
    eventId: row.eventId,
    eventType: row.eventType,
    topic: row.topic,
    key: row.messageKey,
    attempts: row.attempts,
    lastError: row.lastError,
    parkedAt: row.parkedAt!,
  }));
}

/** The outbox's backlog, the age of its oldest event and the parked count, in one query (read at each scrape). */
export async function readOutboxState(dataSource: DataSource): Promise<OutboxState> {
  const table = dataSource.getMetadata(OutboxMessageEntity).tablePath;
  const [row] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE parked_at IS NULL)::int AS backlog,
            count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked,
            COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at) FILTER (WHERE parked_at IS NULL)), 0)::float AS age
       FROM ${table} WHERE published_at IS NULL`,
  );
  return { backlog: row.backlog, parked: row.parked, oldestAgeSeconds: row.age };
}
