import type { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { OutboxMessageEntity } from '@napl/messaging';
import type { ServiceConfig } from '@napl/service-kit';
import { EventPublisher, waitUntilConsumed } from './event-publisher';
import { newTopicPrefix, startTestService, type TestService, type TestServiceOptions } from './service-harness';
import { dropTestDatabase, newTestDatabaseUrl, testInfraFromEnv } from './test-infra';

/** What a service's own harness is made of: the running service, a publisher on its topics, its database. */
export interface EventFedParts<C extends ServiceConfig> {
  readonly service: TestService<C>;
  readonly events: EventPublisher;
  readonly databaseUrl: string;
}

/**
 * One service against the real Postgres and Kafka, fed the way it is in use: other services' events on Kafka,
 * published as their outbox relays do, consumed by the service's idempotent consumer. Each service's test harness
 * extends this with the givens and events of its own domain.
 */
export class EventFedService<C extends ServiceConfig> {
  protected constructor(parts: EventFedParts<C>) {
    this.service = parts.service;
    this.events = parts.events;
    this.databaseUrl = parts.databaseUrl;
  }

  readonly service: TestService<C>;
  readonly events: EventPublisher;
  private readonly databaseUrl: string;

  /** Starts the service in a database and under a topic prefix of its own (`name` goes into the database name). */
  protected static async boot<C extends ServiceConfig>(options: Omit<TestServiceOptions<C>, 'databaseUrl' | 'topicPrefix'>, name: string): Promise<EventFedParts<C>> {
    const topicPrefix = newTopicPrefix();
    const databaseUrl = newTestDatabaseUrl(testInfraFromEnv(), name);
    const service = await startTestService({ ...options, databaseUrl, topicPrefix });
    const events = await EventPublisher.connect(service.config.kafkaBrokers, topicPrefix);
    return { service, events, databaseUrl };
  }

  async close(): Promise<void> {
    await this.events?.close();
    await this.service?.close();
    await dropTestDatabase(this.databaseUrl);
  }

  get db(): DataSource {
    return this.service.dataSource;
  }

  http() {
    return this.service.http();
  }

  async tokenFor(principal: Principal): Promise<string> {
    return this.service.issuer.issue(principal);
  }

  /** Publishes an event as its service would and waits until this service has applied it. */
  async deliver(...args: Parameters<EventPublisher['publish']>): Promise<string> {
    const eventId = await this.events.publish(...args);
    await waitUntilConsumed(this.service, eventId);
    return eventId;
  }

  /** The events this service wrote to its outbox for one key, by type without its package, in order. */
  async outboxTypes(key: string): Promise<string[]> {
    const rows = await this.db.getRepository(OutboxMessageEntity).find({ where: { messageKey: key }, order: { position: 'ASC' } });
    return rows.map((row) => row.eventType.replace(/^napl\.[a-z-]+\.v\d+\./, ''));
  }
}
