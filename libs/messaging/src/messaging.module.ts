import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, Reflector } from '@nestjs/core';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ALL_TOPICS } from '@napl/contracts';
import { EventConsumer } from './event-consumer';
import { EVENT_HANDLER_METADATA, type EventHandler } from './event-handler';
import { createKafka, ensureTopics, type KafkaConnection } from './kafka-client';
import { OutboxRelay } from './outbox-relay';

export interface MessagingOptions {
  readonly service: string;
  readonly connection: KafkaConnection;
  readonly groupId: string;
  readonly fromBeginning?: boolean;
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly relayPollIntervalMs?: number;
  /** Exit the process when the consumer crashes for good (production); tests leave it off. */
  readonly exitOnCrash?: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * Starts the outbox relay and the event consumer of one service. Event handlers are the providers marked
 * with @EventHandlerProvider(). Stops in the order that loses nothing: relay, consumer, producers.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Messaging');
  private relay?: OutboxRelay;
  private consumer?: EventConsumer;
  private consumerRunning = false;
  private startup?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const kafka = createKafka(this.options.connection);
    this.relay = new OutboxRelay(this.dataSource, kafka.producer({
      allowAutoTopicCreation: false,
      maxInFlightRequests: 1, // keeps the order per key when a send is retried
      createPartitioner: Partitioners.DefaultPartitioner,
    }), {
      service: this.options.service,
      topicPrefix: this.options.connection.topicPrefix,
      pollIntervalMs: this.options.relayPollIntervalMs,
    });
    this.consumer = new EventConsumer(kafka, this.dataSource, kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner }), this.discoverHandlers(), {
      connection: this.options.connection,
      groupId: this.options.groupId,
      fromBeginning: this.options.fromBeginning,
      maxAttempts: this.options.maxAttempts,
      retryDelayMs: this.options.retryDelayMs,
      onCrash: (error) => {
        this.logger.error(`Consumer crashed: ${error.message}`);
        if (this.options.exitOnCrash) process.exit(1);
      },
    });
    this.relay.start();
    // The HTTP side starts even while Kafka is away: commands land in the outbox and go out later.
    this.startup = this.startConsumerWhenKafkaAnswers(kafka);
  }

  /** Resolves when the topics exist and the consumer has joined its group. */
  async ready(): Promise<void> {
    await this.startup;
  }

  get status(): { relay: boolean; consumer: boolean } {
    return { relay: this.relay?.healthy ?? false, consumer: this.consumerRunning || (this.consumer?.topics.length ?? 0) === 0 };
  }

  /** Lets the relay publish now rather than at its next poll (after a command committed). */
  nudgeRelay(): void {
    this.relay?.nudge();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.relay?.stop();
    await this.startup?.catch(() => undefined);
    await this.consumer?.stop();
  }

  private async startConsumerWhenKafkaAnswers(kafka: ReturnType<typeof createKafka>): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await ensureTopics(kafka, this.options.connection, ALL_TOPICS);
        await this.consumer!.start();
        this.consumerRunning = true;
        return;
      } catch (error) {
        if (attempt === 1) this.logger.warn(`Kafka not ready, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
      }
    }
  }

  private discoverHandlers(): EventHandler[] {
    return this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && this.reflector.get(EVENT_HANDLER_METADATA, wrapper.metatype))
      .map((wrapper) => wrapper.instance as EventHandler);
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, MessagingRuntime],
      exports: [MessagingRuntime],
    };
  }
}
