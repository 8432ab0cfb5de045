import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ServiceMetrics } from '@napl/observability';
import { EventServer } from './event-server';
import { createKafka, type KafkaConnection } from './kafka-client';
import { MessagingRetention } from './messaging-retention';
import { readOutboxState, type OutboxState } from './outbox-admin';
import { OutboxRelay, topicExistsIn } from './outbox-relay';

export interface MessagingOptions {
  readonly service: string;
  readonly connection: KafkaConnection;
  readonly groupId: string;
  readonly fromBeginning?: boolean;
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly relayPollIntervalMs?: number;
  /** Tries of an outbox message that Kafka refuses (too large, topic missing or not allowed) before it is parked. Default 10. */
  readonly outboxMaxAttempts?: number;
  /** How long the relay's claim on a batch of outbox rows lasts; after a crash mid-send, the rows wait this long. Default 60 s. */
  readonly outboxLeaseMs?: number;
  /** Published outbox rows are deleted this long after publication. Default 7 days. */
  readonly outboxRetentionMs?: number;
  /**
   * Processed event ids (and settled failure counts) are deleted after this long. Default 30 days. Must be longer
   * than the retention of the topics the service consumes, or a redelivered event would be applied again.
   */
  readonly inboxRetentionMs?: number;
  /** How often the retention clean-up runs; 0 turns it off. Default 15 minutes. */
  readonly retentionIntervalMs?: number;
  /** Exit the process when the consumer crashes for good (production); tests leave it off. */
  readonly exitOnCrash?: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * The messaging of one service: the outbox relay (started with the app, stopped first on shutdown), the retention
 * clean-up of the messaging tables, and the EventServer, the Nest transport that consumes the service's events
 * (connected by the service's bootstrap, closed after the relay). Stops in the order that loses nothing: relay,
 * consumer, producers.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private readonly relay: OutboxRelay;
  private readonly retention: MessagingRetention;
  /** Connect it with `app.connectMicroservice({ strategy: runtime.eventServer })`. */
  readonly eventServer: EventServer;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    dataSource: DataSource,
    metrics: ServiceMetrics,
  ) {
    const kafka = createKafka(options.connection);
    const consumerMetrics = registerMessagingMetrics(metrics, dataSource);
    this.relay = new OutboxRelay(
      dataSource,
      kafka.producer({
        allowAutoTopicCreation: false,
        maxInFlightRequests: 1, // keeps the order per key when a send is retried
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
      {
        service: options.service,
        topicPrefix: options.connection.topicPrefix,
        pollIntervalMs: options.relayPollIntervalMs,
        maxAttempts: options.outboxMaxAttempts,
        leaseMs: options.outboxLeaseMs,
        topicExists: topicExistsIn(kafka),
      },
    );
    this.retention = new MessagingRetention(dataSource, {
      service: options.service,
      outboxRetentionMs: options.outboxRetentionMs,
      inboxRetentionMs: options.inboxRetentionMs,
      intervalMs: options.retentionIntervalMs,
    });
    this.eventServer = new EventServer(kafka, dataSource, kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner }), {
      service: options.service,
      connection: options.connection,
      groupId: options.groupId,
      fromBeginning: options.fromBeginning,
      maxAttempts: options.maxAttempts,
      retryDelayMs: options.retryDelayMs,
      onCrash: (error) => {
        this.logger.error(`Consumer crashed: ${error.message}`);
        if (options.exitOnCrash) process.exit(1);
      },
      ...consumerMetrics,
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.retention.start();
  }

  /** Resolves when the topics exist and the consumer has joined its group. */
  async ready(): Promise<void> {
    await this.eventServer.ready();
  }

  get status(): { relay: boolean; consumer: boolean } {
    return { relay: this.relay.healthy, consumer: this.eventServer.consuming };
  }

  /** Lets the relay publish now rather than at its next poll (after a command committed). */
  nudgeRelay(): void {
    this.relay.nudge();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.retention.stop();
  }
}

/**
 * The messaging metrics at /metrics: the outbox backlog, the age of its oldest unsent event and the parked messages
 * (read from the database at each scrape), consumer lag per partition and dead-lettered messages (reported by the
 * consumer).
 */
function registerMessagingMetrics(metrics: ServiceMetrics, dataSource: DataSource) {
  // One query serves the outbox gauges; prom-client asks each gauge in turn during one scrape.
  let reading: Promise<OutboxState> | undefined;
  const read = () => {
    reading ??= readOutboxState(dataSource)
      .catch(() => ({ backlog: Number.NaN, oldestAgeSeconds: Number.NaN, parked: Number.NaN }))
      .finally(() => setImmediate(() => (reading = undefined)));
    return reading;
  };
  metrics.gauge({
    name: 'napl_outbox_backlog',
    help: 'Events in the outbox not yet sent to Kafka, not counting parked ones',
    async collect() {
      this.set((await read()).backlog);
    },
  });
  metrics.gauge({
    name: 'napl_outbox_oldest_age_seconds',
    help: 'Age of the oldest event in the outbox not yet sent to Kafka, not counting parked ones',
    async collect() {
      this.set((await read()).oldestAgeSeconds);
    },
  });
  metrics.gauge({
    name: 'napl_outbox_parked',
    help: 'Events in the outbox that Kafka refused on every try, waiting for a fix and outbox:resend',
    async collect() {
      this.set((await read()).parked);
    },
  });
  const lag = metrics.gauge({
    name: 'napl_consumer_lag',
    help: 'Messages not yet consumed, per topic and partition, as of the last batch',
    labelNames: ['topic', 'partition'],
  });
  const deadLettered = metrics.counter({
    name: 'napl_events_dead_lettered_total',
    help: 'Messages sent to a dead-letter topic, by original topic',
    labelNames: ['topic'],
  });
  return {
    onLag: (topic: string, partition: number, value: number) => lag.set({ topic, partition: String(partition) }, value),
    onDeadLetter: (topic: string) => deadLettered.inc({ topic }),
  };
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, MessagingRuntime],
      exports: [MessagingRuntime],
    };
  }
}
