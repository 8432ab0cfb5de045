import { DEMO_ACCOUNTS } from '@napl/auth';
import { TestBrowser } from './support/browser';
import { freePort } from '@napl/testing';
import { startGateway, startServiceProcess, type GatewayProcess, type ServiceProcess } from './support/gateway-process';
import { bodyOf } from './support/stub-service';

/**
 * The gateway in front of a real service (paths, compiled, as its own process): the service accepts the gateway's
 * platform tokens and still checks roles itself (defence in depth), whichever way the caller signed in.
 */
describe('gateway: in front of a real service', () => {
  let gateway: GatewayProcess;
  let paths: ServiceProcess;

  beforeAll(async () => {
    const pathsPort = await freePort();
    gateway = await startGateway({ PATHS_URL: `http://127.0.0.1:${pathsPort}` });
    // The service trusts the same development key pair the gateway signs its platform tokens with.
    paths = await startServiceProcess('paths', pathsPort, { DATABASE_URL: gateway.databaseUrl, AUTH_DEV_KEYS_DIR: gateway.keysDir });
  }, 120_000);

  afterAll(async () => {
    await paths?.stop();
    await gateway?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${path}`, { headers });

  it('reaches the service with a Bearer access token: the service takes the platform token the gateway made for it', async () => {
    const response = await get('/api/paths/v1/paths', { authorization: `Bearer ${await gateway.tokenFor('docent-anne')}` });
    expect(response.status).toBe(200);
    const list = await bodyOf(response);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBeGreaterThan(0);
  });

  it("leaves the service's own checks in place: anonymous 401, a role the route lacks 403, both Dutch problems", async () => {
    const anonymous = await get('/api/paths/v1/paths');
    expect(anonymous.status).toBe(401);
    expect(await bodyOf(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const teacher = await fetch(`${gateway.url}/api/paths/v1/paths`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await gateway.tokenFor('docent-anne')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x', title: 'x' }),
    });
    expect(teacher.status).toBe(403);
    expect(teacher.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await bodyOf(teacher)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it("reaches the service with a provider's API token, as that provider", async () => {
    const created = await fetch(`${gateway.url}/v1/api-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await gateway.tokenFor('opleider-hanze')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Paden lezen', permissions: ['paths:read'] }),
    });
    const { token } = await bodyOf(created);
    expect((await get('/api/paths/v1/paths', { authorization: `Bearer ${token}` })).status).toBe(200);
    const session = await bodyOf(get('/api/paths/session', { authorization: `Bearer ${token}` }));
    expect(session).toMatchObject({ roles: ['provider'], providerId: DEMO_ACCOUNTS['opleider-hanze'].providerId });
  });

  it('reaches the service from a browser signed in at the development issuer', async () => {
    const browser = new TestBrowser();
    const login = await browser.follow(`${gateway.url}/auth/login`);
    const interaction = login.visited[login.visited.length - 1];
    const submitted = await browser.request(`${interaction}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=ministerie-ocw',
    });
    await browser.follow(new URL(submitted.headers.get('location')!, interaction).href, (next) => next.origin === gateway.url && next.pathname === '/');
    const session = await browser.request(`${gateway.url}/api/paths/session`);
    expect(session.status).toBe(200);
    expect(await bodyOf(session)).toMatchObject({ subject: DEMO_ACCOUNTS['ministerie-ocw'].subject, roles: ['ministry'] });
  });

  it("has the service's routes in the one API document", async () => {
    const document = await bodyOf(get('/docs/api/openapi.json'));
    expect(document.paths).toHaveProperty(['/api/paths/v1/paths']);
    expect(document.paths['/api/paths/v1/paths'].get['x-napl-roles']).toBeUndefined();
    expect(document.paths['/api/paths/v1/paths'].post['x-napl-roles']).toEqual(['ministry', 'admin']);
  });
});
