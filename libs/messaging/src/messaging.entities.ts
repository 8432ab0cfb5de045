import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to be relayed to Kafka. Written in the same transaction as the state change it
 * announces, so no event is lost and none is sent for a change that was rolled back.
 * Each service has this table in its own schema.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['position'], { where: 'published_at IS NULL' })
@Index('outbox_message_key_order_idx', ['topic', 'messageKey', 'position'], { where: 'published_at IS NULL' })
@Index('outbox_message_published_idx', ['publishedAt'], { where: 'published_at IS NOT NULL' })
export class OutboxMessageEntity {
  /** Insertion order; the relay publishes in this order per topic and key (see the README's order rule). */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  position: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId: string;

  /** The logical topic, without any deployment prefix. */
  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'bytea' })
  payload: Buffer;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Tries that Kafka refused for a reason of the message's own (too large, topic missing or not allowed). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** While in the future, the row belongs to a relay's claim (`claimedBy`), or waits before its next try. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** The claim that holds the row; the relay marks a row published only while it still holds it. */
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Set after the last try: the relay leaves the row (and the later rows of its key) until it is re-sent. */
  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt: Date | null;
}

/** The inbox: which events a consumer group has applied, recorded in the same transaction as the effect. */
@Entity({ name: 'processed_event' })
@Index('processed_event_processed_at_idx', ['processedAt'])
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}

/** Failed attempts at handling an event, counted durably so that a poison message ends in the dead-letter topic. */
@Entity({ name: 'event_failure' })
export class EventFailureEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text' })
  lastError: string;

  @Column({ name: 'dead_lettered_at', type: 'timestamptz', nullable: true })
  deadLetteredAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const MESSAGING_ENTITIES = [OutboxMessageEntity, ProcessedEventEntity, EventFailureEntity];
