import { request } from 'node:http';
import { DEMO_ACCOUNTS, DevIssuer, type Principal } from '@napl/auth';
import { eventually } from '@napl/testing';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { bodyOf, StubService } from './support/stub-service';

const teacher = (n: number): Principal => ({
  subject: `burst-teacher-${n}`,
  roles: ['teacher'],
  teacherId: `22222222-2222-4222-8222-${String(100000 + n).padStart(12, '0')}`,
  schoolId: '12AB00',
});

const STUB_DOCUMENT = {
  openapi: '3.0.0',
  tags: [{ name: 'offers' }],
  paths: {
    '/health': { get: { responses: {} } },
    '/v1/offers': { get: { tags: ['offers'], operationId: 'listOffers', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/OfferDto' } } } } } } },
  },
  components: { schemas: { OfferDto: { type: 'object' } } },
};

describe('gateway: routing, limits, bad input, audit log and the API document', () => {
  let gateway: GatewayProcess;
  let stub: StubService;
  const tokens: Record<string, string> = {};

  const send = (path: string, init: RequestInit & { as?: string } = {}) =>
    fetch(`${gateway.url}${path}`, {
      ...init,
      headers: { ...(init.as ? { authorization: `Bearer ${tokens[init.as]}` } : {}), ...((init.headers as Record<string, string>) ?? {}) },
    });
  const post = (path: string, as: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    send(path, { method: 'POST', as, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    stub = await StubService.start({ slowMs: 3_000, document: STUB_DOCUMENT });
    gateway = await startGateway({
      CATALOGUE_URL: stub.url,
      ENROLMENTS_URL: stub.url,
      PATHS_URL: stub.url,
      UPSTREAM_TIMEOUT_MS: '500',
      RATE_LIMIT_WRITE: '5',
      RATE_LIMIT_ENROLMENT: '2',
      RATE_LIMIT_ANONYMOUS: '40',
    });
    for (const account of ['opleider-hanze', 'opleider-windesheim', 'docent-anne', 'ministerie-ocw', 'beheerder']) tokens[account] = await gateway.tokenFor(account);
  });

  afterAll(async () => {
    await gateway?.stop();
    await stub?.close();
  });

  describe('routing', () => {
    it("passes a request on to its service as the caller: the rest of the path, the query, the request id and a platform token for that service", async () => {
      const response = await send('/api/catalogue/v1/offers?search=rekenen&page=2', { as: 'docent-anne', headers: { 'x-request-id': 'edge-req-1', cookie: 'other=1' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('edge-req-1');
      const forwarded = stub.last();
      expect(forwarded).toMatchObject({ method: 'GET', url: '/v1/offers?search=rekenen&page=2' });
      expect(forwarded.headers).toMatchObject({ 'x-request-id': 'edge-req-1', 'x-correlation-id': 'edge-req-1' });
      expect(forwarded.headers.cookie).toBeUndefined();
      const anne = DEMO_ACCOUNTS['docent-anne'];
      expect(forwarded.token?.claims).toMatchObject({ aud: 'napl-catalogue', sub: anne.subject, napl_roles: ['teacher'], napl_teacher_id: anne.teacherId, napl_school_id: anne.schoolId });
      expect(Number(forwarded.token?.claims.exp) - Number(forwarded.token?.claims.iat)).toBe(300);
    });

    it("passes the body and the service's answer on, with its Location under /api/<service>", async () => {
      const response = await post('/api/catalogue/v1/created', 'opleider-windesheim', { title: 'Rekenen' }, { 'idempotency-key': 'k-1' });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe('/api/catalogue/v1/created/x');
      expect(response.headers.get('idempotent-replayed')).toBe('true');
      expect(stub.last()).toMatchObject({ body: '{"title":"Rekenen"}' });
      expect(stub.last().headers['idempotency-key']).toBe('k-1');
    });

    it('answers anonymous requests by asking the service without a token (it decides what is public)', async () => {
      expect((await send('/api/catalogue/v1/credentials/jwks.json')).status).toBe(200);
      expect(stub.last().headers.authorization).toBeUndefined();
    });

    it('answers 503 with Retry-After when a service is down, and 504 when it does not answer in time: Dutch problems', async () => {
      const down = await send('/api/quality/v1/marks', { as: 'docent-anne' });
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(down.headers.get('retry-after')).toBe('30');
      expect(await bodyOf(down)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Tijdelijk niet beschikbaar', detail: expect.stringContaining('quality') });

      const started = Date.now();
      const slow = await send('/api/paths/v1/slow', { as: 'docent-anne' });
      expect(slow.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(await bodyOf(slow)).toMatchObject({ status: 504, code: 'SERVICE_TIMEOUT', title: 'Geen antwoord op tijd' });
    });
  });

  describe('bad input, each a Dutch problem', () => {
    const expectProblem = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const body = await bodyOf(response);
      expect(body).toMatchObject({ status, code });
      expect(typeof body.detail).toBe('string');
    };

    it('404 for an unknown route, an unknown service, and the internal routes of a service', async () => {
      await expectProblem(await send('/nothing-here', { as: 'docent-anne' }), 404, 'NOT_FOUND');
      await expectProblem(await send('/api/payroll/v1/x', { as: 'docent-anne' }), 404, 'NOT_FOUND');
      // A cookie that is not percent-encoded text is no session: anonymous, not a 500.
      await expectProblem(await send('/v1/audit-log', { headers: { cookie: '__Host-napl_session=%E0%A4%A' } }), 401, 'UNAUTHENTICATED');
      for (const internal of ['/api/catalogue/health', '/api/catalogue/metrics', '/api/catalogue/docs/openapi.json']) {
        await expectProblem(await send(internal, { as: 'beheerder' }), 404, 'NOT_FOUND');
      }
      // Sent as written (fetch would resolve the dots first): the gateway checks the path the service would see.
      for (const sneaky of ['/api/catalogue/v1/../metrics', '/api/catalogue/v1/%2e%2e/health']) {
        const status = await new Promise<number | undefined>((resolve, reject) => {
          request({ host: '127.0.0.1', port: new URL(gateway.url).port, path: sneaky, headers: { authorization: `Bearer ${tokens.beheerder}` } }, (response) => {
            response.resume();
            resolve(response.statusCode);
          })
            .on('error', reject)
            .end();
        });
        expect(status).toBe(404);
      }
    });

    it('415 for a body that is not JSON, 413 for one that is too large', async () => {
      await expectProblem(
        await send('/api/catalogue/v1/offers', { method: 'POST', as: 'opleider-windesheim', body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      await expectProblem(await post('/api/catalogue/v1/offers', 'opleider-windesheim', { text: 'x'.repeat(200 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('401 for a bad token, one of another issuer, and an unknown API token; 403 for a missing role', async () => {
      await expectProblem(await send('/api/catalogue/v1/offers', { headers: { authorization: 'Bearer not-a-token' } }), 401, 'UNAUTHENTICATED');
      const stranger = await (await DevIssuer.inMemory()).issue(DEMO_ACCOUNTS.beheerder);
      await expectProblem(await send('/v1/audit-log', { headers: { authorization: `Bearer ${stranger}` } }), 401, 'UNAUTHENTICATED');
      await expectProblem(await send('/api/catalogue/v1/offers', { headers: { authorization: `Bearer napl_pat_${'A'.repeat(43)}` } }), 401, 'UNAUTHENTICATED');
      await expectProblem(await send('/v1/audit-log'), 401, 'UNAUTHENTICATED');
      await expectProblem(await send('/v1/audit-log', { as: 'docent-anne' }), 403, 'FORBIDDEN');
    });

    it('sends security headers and no CORS headers to another origin (CORS closed)', async () => {
      const response = await send('/api/catalogue/v1/offers', { as: 'docent-anne', headers: { origin: 'https://elders.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      const preflight = await send('/api/catalogue/v1/offers', { method: 'OPTIONS', headers: { origin: 'https://elders.example', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After once a caller passes the limit of a route class, counted per caller and across replicas', async () => {
      for (let n = 0; n < 5; n++) expect((await post('/api/catalogue/v1/offers', 'opleider-hanze')).status).toBe(200);
      // A second gateway replica on the same database counts against the same limit.
      const replica = await startGateway({ CATALOGUE_URL: stub.url, RATE_LIMIT_WRITE: '5', AUTH_DEV_KEYS_DIR: gateway.keysDir }, { databaseUrl: gateway.databaseUrl });
      try {
        const refused = await fetch(`${replica.url}/api/catalogue/v1/offers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens['opleider-hanze']}`, 'content-type': 'application/json' },
          body: '{}',
        });
        expect(refused.status).toBe(429);
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(await bodyOf(refused)).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', title: 'Te veel verzoeken' });
      } finally {
        await replica.stop();
      }
      // Another caller, from the same address, is not affected; nor are the same caller's reads.
      expect((await post('/api/catalogue/v1/offers', 'opleider-windesheim')).status).toBe(200);
      expect((await send('/api/catalogue/v1/offers', { as: 'opleider-hanze' })).status).toBe(200);
    });

    it('lets an enrolment burst through: many teachers at once from one address, each within the limit', async () => {
      const burst = await Promise.all(
        Array.from({ length: 60 }, async (_, n) => {
          const token = await gateway.tokenFor(teacher(n));
          return fetch(`${gateway.url}/api/enrolments/v1/runs/33333333-3333-4333-8333-000000000001/enrolments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{}',
          });
        }),
      );
      expect(burst.map((response) => response.status)).toEqual(Array(60).fill(200));
      // One teacher enrolling again and again is held back.
      const token = await gateway.tokenFor(teacher(1));
      const again = await fetch(`${gateway.url}/api/enrolments/v1/runs/33333333-3333-4333-8333-000000000001/enrolments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const third = await fetch(`${gateway.url}/api/enrolments/v1/runs/33333333-3333-4333-8333-000000000001/enrolments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect([again.status, third.status]).toEqual([200, 429]);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('audit log', () => {
    it('records every write with actor, route, status and request id, refused ones too; the ministry and admins may read it', async () => {
      await post('/api/catalogue/v1/created', 'opleider-windesheim', {}, { 'x-request-id': 'audit-probe-1' });
      await post('/api/quality/v1/marks/x/revoke', 'ministerie-ocw', {}, { 'x-request-id': 'audit-probe-2' });
      await send('/api/catalogue/v1/offers/1', { method: 'DELETE', headers: { authorization: 'Bearer forged', 'x-request-id': 'audit-probe-3' } });
      await send('/api/catalogue/v1/offers', { as: 'opleider-windesheim', headers: { 'x-request-id': 'audit-probe-read' } });

      const entry = (requestId: string) =>
        eventually(async () => {
          const page = await bodyOf(send(`/v1/audit-log?requestId=${requestId}`, { as: 'ministerie-ocw' }));
          return page.items?.length ? page.items : undefined;
        });
      const windesheim = DEMO_ACCOUNTS['opleider-windesheim'];
      expect(await entry('audit-probe-1')).toEqual([
        expect.objectContaining({
          actor: windesheim.subject,
          roles: ['provider'],
          providerId: windesheim.providerId,
          via: 'bearer',
          method: 'POST',
          path: '/api/catalogue/v1/created',
          service: 'catalogue',
          status: 201,
          requestId: 'audit-probe-1',
        }),
      ]);
      expect(await entry('audit-probe-2')).toEqual([expect.objectContaining({ actor: DEMO_ACCOUNTS['ministerie-ocw'].subject, service: 'quality', status: 503 })]);
      expect(await entry('audit-probe-3')).toEqual([expect.objectContaining({ actor: null, via: null, method: 'DELETE', status: 401 })]);
      // Reads are not audited (the access log has them).
      const [{ reads }] = await gateway.query<{ reads: number }>(`SELECT count(*)::int AS reads FROM audit_entry WHERE request_id = 'audit-probe-read'`);
      expect(reads).toBe(0);

      // Hanze's writes: five let through, the sixth refused (429) by the second replica, which recorded it there.
      const byHanze = await eventually(async () => {
        const page = await bodyOf(send(`/v1/audit-log?actor=${DEMO_ACCOUNTS['opleider-hanze'].subject}&limit=3`, { as: 'beheerder' }));
        return page.items?.[0]?.status === 429 ? page : undefined;
      });
      expect(byHanze.items.map((item: { status: number }) => item.status)).toEqual([429, 200, 200]);
      expect(byHanze.hasMore).toBe(true);
      const next = await bodyOf(send(`/v1/audit-log?actor=${DEMO_ACCOUNTS['opleider-hanze'].subject}&limit=3&cursor=${byHanze.nextCursor}`, { as: 'beheerder' }));
      expect(next.items.map((item: { id: string }) => item.id)).not.toContain(byHanze.items[2].id);

      expect((await send('/v1/audit-log', { as: 'opleider-hanze' })).status).toBe(403);
    });
  });

  describe('the API document', () => {
    it("merges the gateway's own routes and every service's under /api/<service>, and names the services it could not read", async () => {
      const response = await send('/docs/api/openapi.json');
      expect(response.status).toBe(200);
      const document = await bodyOf(response);
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/api-tokens', '/v1/audit-log', '/auth/session', '/api/catalogue/v1/offers', '/api/enrolments/v1/offers']));
      expect(Object.keys(document.paths).some((path: string) => path.endsWith('/health'))).toBe(false);
      expect(document.components.schemas).toHaveProperty('CatalogueOfferDto');
      expect(document.paths['/api/catalogue/v1/offers'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/CatalogueOfferDto');
      expect(document.info['x-napl-missing-services']).toEqual(['quality', 'reimbursement', 'monitoring']);
    });

    it('serves a viewer for it', async () => {
      const viewer = await send('/docs/api');
      expect(viewer.status).toBe(200);
      expect(await viewer.text()).toContain('/docs/swagger-ui-bundle.js');
      expect((await send('/docs/swagger-ui-bundle.js')).status).toBe(200);
      expect(await (await send('/docs/api/viewer.js')).text()).toContain('/docs/api/openapi.json');
    });
  });

  describe('per address, for requests without a valid credential', () => {
    it('answers 429 once an address keeps sending bad tokens', async () => {
      let refused: Response | undefined;
      for (let n = 0; n < 60 && !refused; n++) {
        const response = await send('/api/catalogue/v1/offers', { headers: { authorization: `Bearer guess-${n}` } });
        if (response.status === 429) refused = response;
        else expect(response.status).toBe(401);
      }
      expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });
});
