import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { AuthModule, type TokenVerifierOptions } from '@napl/auth';
import { MESSAGING_ENTITIES, MessagingModule } from '@napl/messaging';
import { ObservabilityModule } from '@napl/observability';
import { serviceDataSourceOptions } from '@napl/persistence';
import { HealthController, SERVICE_NAME } from './health.controller';
import { SessionController } from './session.controller';
import { ProblemDetailsFilter } from './problem-details';
import { tokenVerifierOptionsFrom, type ServiceConfig } from './service-config';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlatformModuleOptions {
  /** The service's name; also its schema (`catalogue`) and consumer group (`napl.catalogue`). */
  readonly service: string;
  readonly config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: Function[] | EntitySchema[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
  /** Tests pass the keys of their in-memory issuer; otherwise they come from the config. */
  readonly auth?: TokenVerifierOptions;
  /** Tests shorten the consumer's retry delay. */
  readonly consumerRetryDelayMs?: number;
}

/**
 * Everything a service shares with the others: its database (own schema, migrations run at start),
 * messaging (outbox relay, idempotent consumer), authentication, error mapping and health.
 * Each service's root module imports this and adds its feature modules.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformModuleOptions): DynamicModule {
    const { config, service } = options;
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions({
            service,
            databaseUrl: config.DATABASE_URL,
            bootstrap: config.DATABASE_BOOTSTRAP,
            rolePassword: config.DATABASE_ROLE_PASSWORD,
            entities: [...MESSAGING_ENTITIES, ...options.entities],
            migrations: options.migrations,
            poolSize: config.DATABASE_POOL_SIZE,
          }),
          // No migrationsRun: createServiceApp runs them under the schema's lock, or refuses to start with them pending.
        }),
        MessagingModule.forRoot({
          service,
          // The topic prefix also separates consumer groups: two test runs must never share a group.
          groupId: `${config.KAFKA_TOPIC_PREFIX}napl.${service}`,
          connection: {
            clientId: `napl-${service}`,
            brokers: config.kafkaBrokers,
            topicPrefix: config.KAFKA_TOPIC_PREFIX,
            ...config.kafkaSecurity,
          },
          exitOnCrash: config.NODE_ENV === 'production',
          retryDelayMs: options.consumerRetryDelayMs,
          outboxMaxAttempts: config.OUTBOX_MAX_ATTEMPTS,
          outboxRetentionMs: config.OUTBOX_RETENTION_DAYS * DAY_MS,
          inboxRetentionMs: config.INBOX_RETENTION_DAYS * DAY_MS,
        }),
        AuthModule.forRoot(options.auth ?? tokenVerifierOptionsFrom(config, service)),
        ObservabilityModule.forService({
          service,
          logLevel: config.LOG_LEVEL,
          otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
          traceExportDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
        }),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, SessionController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
