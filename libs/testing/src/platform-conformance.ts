import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DEMO_ACCOUNTS, DevIssuer } from '@napl/auth';
import { CatalogueEvents, type RunCancelled } from '@napl/contracts';
import { OnEvent, ProcessedEventEntity, type HandlerContext } from '@napl/messaging';
import { pendingSchemaChanges } from '@napl/persistence';
import type { ServiceConfig } from '@napl/service-kit';
import { describeHostileInputSuite, type TenantFixtureFactory } from './conformance/hostile-input-suite';
import { EventPublisher, waitUntilConsumed } from './event-publisher';
import { startTestService, type TestService, type TestServiceOptions } from './service-harness';

const PROBE_REASON = 'platform-conformance-probe';

/**
 * Added to the service under test: counts each RunCancelled of the probe it applies, through the service's own
 * consumer group and inbox. Its effect is a counter, so a second application of one event would show.
 */
@Controller()
class CountProbeEventsWhenRunCancelled {
  @OnEvent(CatalogueEvents.RunCancelled)
  async handle(@Payload() event: RunCancelled, @Ctx() { manager }: HandlerContext): Promise<void> {
    if (event.reason !== PROBE_REASON) return; // a real cancellation, for the service's own handler
    await manager.query(
      `INSERT INTO conformance_probe (run_id, times) VALUES ($1, 1)
       ON CONFLICT (run_id) DO UPDATE SET times = conformance_probe.times + 1`,
      [event.runId],
    );
  }
}

@Module({})
class ConformanceProbeModule {}

export interface PlatformConformanceOptions<C extends ServiceConfig> extends TestServiceOptions<C> {
  /**
   * Creates resources of one tenant in the running service, for the hostile-input suite and the authorisation
   * matrix; without it (a service with no routes of its own yet) the suite still runs every documented route.
   */
  readonly tenantFixture?: TenantFixtureFactory<C>;
}

/**
 * What every NAPL service must do, whatever its domain: answer its health check, keep its tables in its own
 * schema built by migrations that match its entities, refuse anonymous requests with a Dutch problem
 * response, and withstand hostile input and other tenants on every route of its OpenAPI document. Each service's
 * test suite calls this once, so the services stay built the same way.
 */
export function describePlatformConformance<C extends ServiceConfig>(options: PlatformConformanceOptions<C>): void {
  const service = options.description.service;

  describe(`${service} as a platform service`, () => {
    let running: TestService<C>;

    beforeAll(async () => {
      running = await startTestService({
        ...options,
        module: (config, auth) => ({ module: ConformanceProbeModule, imports: [options.module(config, auth)], controllers: [CountProbeEventsWhenRunCancelled] }),
      });
      await running.dataSource.query('CREATE TABLE conformance_probe (run_id text PRIMARY KEY, times integer NOT NULL)');
    });

    afterAll(() => running?.close());

    it('answers its health check with the database up', async () => {
      const response = await running.http().get('/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', service, database: 'up' });
    });

    it('runs its migrations into its own schema, matching its entities', async () => {
      const [{ schema }] = await running.dataSource.query('SELECT current_schema() AS schema');
      expect(schema).toBe(service);
      expect(await pendingSchemaChanges(running.dataSource)).toEqual([]);
    });

    it('refuses a request without a token with a Dutch problem response', async () => {
      const response = await running.http().get('/session').expect(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(response.body.detail).toMatch(/aangemeld/);
    });

    it('refuses a token of another issuer and accepts its own', async () => {
      const stranger = await DevIssuer.inMemory();
      const forged = await stranger.issue(DEMO_ACCOUNTS['opleider-hanze']);
      await running.http().get('/session').set('Authorization', `Bearer ${forged}`).expect(401);

      const response = await running
        .http()
        .get('/session')
        .set('Authorization', `Bearer ${await running.tokenFor('opleider-hanze')}`)
        .expect(200);
      expect(response.body).toMatchObject({ roles: ['provider'], providerId: DEMO_ACCOUNTS['opleider-hanze'].providerId });
    });

    it('publishes its OpenAPI document', async () => {
      const response = await running.http().get('/docs/openapi.json').expect(200);
      expect(response.body.info.title).toBe(options.description.title);
    });

    it('takes over the caller\'s request and correlation ids, or makes new ones, and answers with them', async () => {
      const given = await running.http().get('/session').set('X-Request-Id', 'req-1').set('X-Correlation-Id', 'corr-1').expect(401);
      expect(given.headers).toMatchObject({ 'x-request-id': 'req-1', 'x-correlation-id': 'corr-1' });

      const made = await running.http().get('/session').set('X-Correlation-Id', 'not a\tplain id').expect(401);
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(made.headers['x-correlation-id']).toBe(made.headers['x-request-id']);
    });

    it('serves Prometheus metrics: HTTP latency by route pattern and status, the outbox backlog and its age', async () => {
      await running.http().get('/session').expect(401);
      const scrape = (await running.http().get('/metrics').expect(200)).text;
      expect(scrape).toMatch(new RegExp(`http_server_request_duration_seconds_count\\{[^}]*route="/session"[^}]*status_code="401"[^}]*\\} [1-9]`));
      expect(scrape).toMatch(new RegExp(`napl_outbox_backlog\\{service="${service}"\\} \\d+`));
      expect(scrape).toMatch(new RegExp(`napl_outbox_oldest_age_seconds\\{service="${service}"\\} [\\d.]+`));
      expect(scrape).toContain('# TYPE napl_consumer_lag gauge');
      expect(scrape).toContain('# TYPE napl_events_dead_lettered_total counter');
    });

    it('applies a redelivered event once: its consumer records each event id in its inbox with the effect', async () => {
      const publisher = await EventPublisher.connect(running.config.kafkaBrokers, running.config.KAFKA_TOPIC_PREFIX);
      try {
        const send = (runId: string, copies: number) =>
          publisher.publish(CatalogueEvents.RunCancelled, 'conformance', { runId, offerId: randomUUID(), reason: PROBE_REASON }, { copies });
        const runId = randomUUID();
        const redelivered = await send(runId, 2);
        // A later event on the same key (so the same partition): once it is applied, both copies have been read.
        await waitUntilConsumed(running, await send(randomUUID(), 1));

        const [{ times }] = await running.dataSource.query('SELECT times FROM conformance_probe WHERE run_id = $1', [runId]);
        expect(times).toBe(1);
        expect(await running.dataSource.getRepository(ProcessedEventEntity).countBy({ eventId: redelivered })).toBe(1);
      } finally {
        await publisher.close();
      }
    });

    // Every route of the OpenAPI document, with the same running service.
    describeHostileInputSuite(service, () => running, options.tenantFixture);

    // Last: it takes the database away from the running service for a moment.
    it('stays alive without its database, but says it is not ready', async () => {
      await running.http().get('/health/live').expect(200);
      await running.http().get('/health/ready').expect(200);
      await running.dataSource.destroy();
      try {
        await running.http().get('/health/live').expect(200);
        await running.http().get('/health/ready').expect(503);
        await running.http().get('/health').expect(503);
      } finally {
        await running.dataSource.initialize();
      }
      await running.http().get('/health/ready').expect(200);
    });
  });
}
