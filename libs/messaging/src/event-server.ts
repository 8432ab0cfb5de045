import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { ALL_TOPICS, type TopicDefinition } from '@napl/contracts';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import { NAPL_EVENTS_TRANSPORT, type EventHandler, type EventHandlerExtras, type HandlerContext } from './event-handler';
import { KAFKA_ADMIN_PRINCIPAL, topicsEnsuredBy, undeclaredConsumedTopics } from './kafka-access';
import { ensureTopics, kafkaAccessProblem, type createKafka } from './kafka-client';

type Kafka = ReturnType<typeof createKafka>;

export interface EventServerOptions extends EventConsumerOptions {
  /** The service: it creates its own topics and those it consumes (what its principal may); without it, all topics. */
  readonly service?: string;
}

/**
 * The platform's Kafka transport for @nestjs/microservices: the service's @OnEvent methods are its handlers,
 * run through Nest's pipes, interceptors and filters, inside the idempotent consumer's inbox transaction
 * (EventConsumer: inbox, durable retries, dead-letter topic). Started with the app
 * (`app.connectMicroservice({ strategy })`); the HTTP side does not wait for Kafka: the consumer joins its
 * group in the background, as soon as the broker answers.
 */
export class EventServer extends Server implements CustomTransportStrategy {
  override readonly transportId = NAPL_EVENTS_TRANSPORT;
  private readonly log = new Logger('EventServer');
  private consumer?: EventConsumer;
  private startup?: Promise<void>;
  private stopping = false;
  private running = false;
  private readonly started: Promise<void>;
  private markStarted!: () => void;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetterProducer: Producer,
    private readonly options: EventServerOptions,
  ) {
    super();
    this.started = new Promise((resolve) => (this.markStarted = resolve));
  }

  listen(callback: (error?: unknown) => void): void {
    try {
      this.consumer = new EventConsumer(this.kafka, this.dataSource, this.deadLetterProducer, this.eventHandlers(), this.options);
    } catch (error) {
      return callback(error);
    }
    this.startup = this.startWhenKafkaAnswers();
    callback();
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.startup?.catch(() => undefined);
    await this.consumer?.stop();
    this.running = false;
  }

  /** Resolves when the topics exist and the consumer has joined its group. */
  async ready(): Promise<void> {
    await this.started;
  }

  /** True when the consumer runs, or when the service consumes nothing. */
  get consuming(): boolean {
    return this.running || this.messageHandlers.size === 0;
  }

  on(): void {
    throw new Error('EventServer emits no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** The @OnEvent methods as the consumer's handlers; several methods for one event type run in turn. */
  private eventHandlers(): EventHandler[] {
    return [...this.messageHandlers.entries()].map(([pattern, first]) => {
      const contract = (first.extras as EventHandlerExtras | undefined)?.contract;
      if (!contract) throw new Error(`Event handler for ${pattern} lacks its contract: declare it with @OnEvent(contract)`);
      return {
        contract,
        handle: async (event: object, context: HandlerContext) => {
          for (let handler: MessageHandler | undefined = first; handler; handler = handler.next) {
            // Nest wraps the method with pipes, interceptors and filters; errors come back through the observable.
            await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
          }
        },
      };
    });
  }

  private async startWhenKafkaAnswers(): Promise<void> {
    // Topics are created here even for a service that consumes nothing: its outbox relay publishes to them.
    const { service, connection } = this.options;
    const handlerTopics = this.eventHandlers().map((handler): TopicDefinition => handler.contract.topic);
    const topics = service ? topicsEnsuredBy(service, handlerTopics) : ALL_TOPICS;
    const undeclared = service && connection.sasl && connection.sasl.username !== KAFKA_ADMIN_PRINCIPAL ? undeclaredConsumedTopics(service, handlerTopics) : [];
    if (undeclared.length > 0) {
      this.log.error(`${service} handles events of ${undeclared.join(', ')}, which its Kafka principal may not read: declare them in libs/messaging/src/kafka-access.ts`);
    }
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await ensureTopics(this.kafka, connection, topics);
        await this.consumer!.start();
        this.running = true;
        this.markStarted();
        return;
      } catch (error) {
        // Wrong credentials or a missing ACL: a configuration error that no retry (and no restart) mends. Said once,
        // and the consumer stays down (/health shows kafka.consumer false) while the HTTP side and the outbox go on.
        const problem = kafkaAccessProblem(error, connection);
        if (problem) {
          this.log.error(`Not consuming: ${problem}`);
          return;
        }
        if (attempt === 1) this.log.warn(`Kafka not ready, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
      }
    }
  }
}
