import { DEMO_ACCOUNTS, DevIssuer } from '@napl/auth';
import { pendingSchemaChanges } from '@napl/persistence';
import type { ServiceConfig } from '@napl/service-kit';
import { startTestService, type TestService, type TestServiceOptions } from './service-harness';

/**
 * What every NAPL service must do, whatever its domain: answer its health check, keep its tables in its own
 * schema built by migrations that match its entities, and refuse anonymous requests with a Dutch problem
 * response. Each service's test suite calls this once, so the services stay built the same way.
 */
export function describePlatformConformance<C extends ServiceConfig>(options: TestServiceOptions<C>): void {
  const service = options.description.service;

  describe(`${service} as a platform service`, () => {
    let running: TestService<C>;

    beforeAll(async () => {
      running = await startTestService(options);
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
  });
}
