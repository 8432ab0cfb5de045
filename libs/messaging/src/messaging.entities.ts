import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to be relayed to Kafka. Written in the same transaction as the state change it
 * announces, so no event is lost and none is sent for a change that was rolled back.
 * Each service has this table in its own schema.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['position'], { where: 'published_at IS NULL' })
export class OutboxMessageEntity {
  /** Insertion order; the relay publishes in this order, which keeps the order per key. */
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
}

/** The inbox: which events a consumer group has applied, recorded in the same transaction as the effect. */
@Entity({ name: 'processed_event' })
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
