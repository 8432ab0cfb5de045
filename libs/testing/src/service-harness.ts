import type { DynamicModule, INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEV_ISSUER, DevIssuer, type Principal } from '@napl/auth';
import { MessagingRuntime } from '@napl/messaging';
import { audienceOf, createServiceApp, loadConfig, startServiceApp, type ServiceConfig, type ServiceDescription } from '@napl/service-kit';
import { deleteTopicsWithPrefix } from './global-teardown';
import { dropTestDatabase, newTestDatabaseUrl, testInfraFromEnv, testKafkaEnv, testRunTopicPrefix, uniqueSuffix } from './test-infra';

export interface TestService<C extends ServiceConfig> {
  readonly app: INestApplication;
  readonly description: ServiceDescription;
  readonly config: C;
  readonly dataSource: DataSource;
  readonly issuer: DevIssuer;
  /** supertest on the running app */
  http(): ReturnType<typeof request>;
  /** A bearer token for a demo account or any principal. */
  tokenFor(account: keyof typeof DEMO_ACCOUNTS | Principal): Promise<string>;
  close(): Promise<void>;
}

export interface TestServiceOptions<C extends ServiceConfig> {
  readonly description: ServiceDescription;
  readonly configClass: new () => C;
  /** The service's root module for a config and the test's token keys. */
  readonly module: (config: C, auth: { issuer: string; audience: string; jwks: DevIssuer['jwks'] }) => DynamicModule;
  /** Share a database or topic prefix with other services in the same test; fresh ones otherwise. */
  readonly databaseUrl?: string;
  readonly topicPrefix?: string;
  readonly issuer?: DevIssuer;
  readonly env?: Record<string, string>;
}

/**
 * Boots one service as it runs in production (its own schema and role, migrations, outbox relay,
 * consumer) against the real Postgres and Kafka, in a database and under a topic prefix of its own.
 */
export async function startTestService<C extends ServiceConfig>(options: TestServiceOptions<C>): Promise<TestService<C>> {
  const infra = testInfraFromEnv();
  const ownsDatabase = !options.databaseUrl;
  const topicPrefix = options.topicPrefix ?? newTopicPrefix();
  const databaseUrl = options.databaseUrl ?? newTestDatabaseUrl(infra, options.description.service);
  const config = loadConfig(options.configClass, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    ...testKafkaEnv(),
    ...options.env,
  });
  const issuer = options.issuer ?? (await DevIssuer.inMemory());
  // The service's own audience, as in production; the issuer's tokens name every service's (see DEV_AUDIENCES).
  // createServiceApp applies the platform's HTTP conventions (body limits, security headers), as for a real start.
  const app = await createServiceApp(
    options.module(config, { issuer: DEV_ISSUER, audience: audienceOf(config, options.description.service), jwks: issuer.jwks }),
    config,
    options.description,
  );
  await startServiceApp(app);
  await app.get(MessagingRuntime).ready();
  return {
    app,
    description: options.description,
    config,
    issuer,
    dataSource: app.get(DataSource),
    http: () => request(app.getHttpServer()),
    tokenFor: (account) => issuer.issue(typeof account === 'string' ? DEMO_ACCOUNTS[account] : account),
    close: async () => {
      await app.close();
      if (ownsDatabase) await dropTestDatabase(databaseUrl);
      // Topics shared with other services of the test are the test's to delete (or the run's teardown).
      if (!options.topicPrefix) await deleteTopicsWithPrefix(topicPrefix);
    },
  };
}

/**
 * Topics of their own for one test file, so no test sees another's events. They start with the test run's
 * prefix, so the run's global teardown deletes them all (the broker would otherwise keep every run's topics).
 */
export function newTopicPrefix(): string {
  return `${testRunTopicPrefix()}${uniqueSuffix()}.`;
}

/** Polls until `probe` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
