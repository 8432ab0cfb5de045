import 'reflect-metadata';
import { Logger, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { createKafka, MESSAGING_OPTIONS, MessagingRuntime, parkedMessages, redriveDeadLetters, resendParkedMessages, type MessagingOptions } from '@napl/messaging';
import { pendingServiceMigrations, prepareServiceDatabase, runServiceMigrations, type ServiceDatabaseSettings } from '@napl/persistence';
import { applyHttpConventions } from './http-conventions';
import { createValidationPipe } from './problem-details';
import { ConfigError, loadConfig, type ServiceConfig } from './service-config';

export interface ServiceDescription {
  readonly service: string;
  readonly title: string;
  readonly description: string;
  /**
   * Paths that serve HTML pages to a browser (the gateway's portal): they may receive HTML form posts
   * (application/x-www-form-urlencoded) besides JSON, and get a content security policy for pages (own styles and
   * images, no inline script) instead of the API's policy that allows nothing.
   */
  readonly isPagePath?: (path: string) => boolean;
}

/** A service that would start on an older schema than its code expects: it refuses, and says what to run. */
export class PendingMigrationsError extends Error {
  constructor(
    readonly service: string,
    readonly pending: string[],
  ) {
    super(
      `${service}: pending migrations: ${pending.join(', ')}; run the migrate command first ` +
        `(nx run ${service}:db:migrate, or the service's main with the argument migrate), or set DATABASE_MIGRATE_ON_START=true`,
    );
  }
}

function databaseSettingsOf(config: ServiceConfig, service: string): ServiceDatabaseSettings {
  return { service, databaseUrl: config.DATABASE_URL, bootstrap: config.DATABASE_BOOTSTRAP, rolePassword: config.DATABASE_ROLE_PASSWORD };
}

/**
 * Creates the database objects the service owns (with DATABASE_BOOTSTRAP), then the Nest app with the platform's HTTP
 * conventions, on a schema brought up to date: migrated under the schema's lock (DATABASE_MIGRATE_ON_START), or else
 * checked, refusing to start while migrations are pending.
 */
export async function createServiceApp(
  module: DynamicModule,
  config: ServiceConfig,
  description: ServiceDescription,
): Promise<INestApplication> {
  await prepareServiceDatabase(databaseSettingsOf(config, description.service));
  // Everything Nest logs goes through pino as JSON, from the first line on. Bodies are parsed by the platform's
  // own, limited JSON parser (applyHttpConventions), not Nest's default ones.
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoLogger));
  // Built, not yet initialised: no lifecycle hook (consumer, outbox relay, scheduler) has touched the schema yet.
  const dataSource = app.get(DataSource);
  try {
    if (config.DATABASE_MIGRATE_ON_START) {
      const logger = new Logger(description.service);
      await runServiceMigrations(dataSource, (line) => logger.log(line));
    } else {
      const pending = await pendingServiceMigrations(dataSource);
      if (pending.length > 0) throw new PendingMigrationsError(description.service, pending);
    }
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  app.useGlobalPipes(createValidationPipe());
  // Event handlers (@OnEvent) run as a Nest microservice on the platform's Kafka transport, with the app's global
  // pipes, filters and interceptors. Connected here, started by startServiceApp once the app is initialised.
  app.connectMicroservice({ strategy: app.get(MessagingRuntime).eventServer }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  applyHttpConventions(app, config, description);
  return app;
}

/**
 * Initialises the app (lifecycle hooks: the outbox relay starts) and starts its event consumer, which joins its
 * consumer group in the background as soon as Kafka answers.
 */
export async function startServiceApp(app: INestApplication): Promise<void> {
  await app.init();
  await app.startAllMicroservices();
}

/**
 * main.ts of every service: read and check the configuration, build, listen, and say where. A wrong setting
 * stops the service with one message naming every bad setting, not a stack trace; so do pending migrations.
 * `node <main> <command>` runs a maintenance command instead (migrate, outbox:resend, events:redrive), and exits.
 */
export async function runService<C extends ServiceConfig>(
  configClass: new () => C,
  moduleFor: (config: C) => DynamicModule,
  description: ServiceDescription,
): Promise<void> {
  const command = process.argv[2];
  if (command !== undefined) {
    if (!(command in MAINTENANCE_COMMANDS)) {
      console.error(`unknown command ${command}; commands: ${Object.keys(MAINTENANCE_COMMANDS).join(', ')}`);
      process.exit(2);
    }
    return runMaintenanceCommand(command, configClass, moduleFor, description);
  }
  const logger = new Logger(description.service);
  const started = Date.now();
  try {
    const config = loadConfig(configClass);
    const app = await createServiceApp(moduleFor(config), config, description);
    await startServiceApp(app);
    await app.listen(config.PORT, config.HOST);
    logger.log(`listening on http://${config.HOST}:${config.PORT} (ready in ${Date.now() - started} ms)`);
  } catch (error) {
    const expected = error instanceof ConfigError || error instanceof PendingMigrationsError;
    logger.error(expected ? error.message : ((error as Error).stack ?? String(error)));
    process.exit(1);
  }
}

/** What a maintenance command gets: the service's database and messaging settings, its arguments, a log. */
interface MaintenanceContext {
  readonly dataSource: DataSource;
  readonly messaging: MessagingOptions;
  readonly args: readonly string[];
  log(line: string): void;
}

/**
 * The service's maintenance commands, run as `node <main> <command> [args]` (in production: a Kubernetes Job, or
 * `kubectl exec`). Each exits 0 when done, or 1 with the reason.
 */
const MAINTENANCE_COMMANDS: Record<string, (context: MaintenanceContext) => Promise<void>> = {
  /** Runs the pending migrations under the schema's lock (a Job per release). */
  migrate: async ({ dataSource, log }) => {
    await runServiceMigrations(dataSource, log);
  },
  /** Without arguments lists the parked outbox messages; with event ids (or --all) sends them again, in order. */
  'outbox:resend': async ({ dataSource, args, log }) => {
    if (args.length === 0) {
      const parked = await parkedMessages(dataSource);
      for (const message of parked) log(`parked ${message.eventId} ${message.eventType} on ${message.topic} (key ${message.key}): ${message.lastError}`);
      log(`${parked.length} parked; resend with: outbox:resend <event id>... or outbox:resend --all`);
      return;
    }
    const resent = await resendParkedMessages(dataSource, args[0] === '--all' ? { all: true } : { eventIds: args });
    log(`${resent.length} parked message(s) go out again: ${resent.join(', ') || 'none'}`);
  },
  /** Publishes the dead letters of a topic this service consumes again, after a fix: `events:redrive <topic>`. */
  'events:redrive': async ({ dataSource, messaging, args, log }) => {
    if (args.length !== 1) throw new Error('usage: events:redrive <topic>, e.g. events:redrive napl.catalogue.run.v1');
    const result = await redriveDeadLetters({
      kafka: createKafka(messaging.connection),
      connection: messaging.connection,
      groupId: messaging.groupId,
      topic: args[0],
      dataSource,
      log,
    });
    log(`${result.redriven} of ${result.read} dead letter(s) from ${result.deadLetterTopic} published again (${result.skipped} passed over)`);
  },
};

/**
 * Runs a maintenance command. It builds the service's own module for its DataSource and settings, but never
 * initialises it: no consumer, outbox relay or scheduler starts. Only `migrate` creates database objects first
 * (where DATABASE_BOOTSTRAP says so).
 */
async function runMaintenanceCommand<C extends ServiceConfig>(
  command: string,
  configClass: new () => C,
  moduleFor: (config: C) => DynamicModule,
  description: ServiceDescription,
): Promise<void> {
  const logger = new Logger(`${description.service} ${command}`);
  try {
    const config = loadConfig(configClass);
    if (command === 'migrate') await prepareServiceDatabase(databaseSettingsOf(config, description.service));
    const app = await NestFactory.create(moduleFor(config), { logger: ['error', 'warn'], abortOnError: false });
    app.useLogger(['log', 'error', 'warn']);
    const dataSource = app.get(DataSource);
    try {
      await MAINTENANCE_COMMANDS[command]({ dataSource, messaging: app.get(MESSAGING_OPTIONS), args: process.argv.slice(3), log: (line) => logger.log(line) });
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    logger.error(`${command} failed: ${(error as Error).message}`);
    process.exit(1);
  }
  process.exit(0);
}
