import { createHash } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@napl/auth';
import { TestBrowser } from './support/browser';
import { bodyOf } from './support/stub-service';
import { startGateway, type GatewayProcess } from './support/gateway-process';

const SESSION_COOKIE = '__Host-napl_session';

/** Signs `account` in through the development issuer in `browser`; the URLs passed and the session cookie. */
async function signIn(gateway: GatewayProcess, browser: TestBrowser, account: string): Promise<{ visited: string[]; session: string }> {
  const toLogin = await browser.follow(`${gateway.url}/auth/login?returnTo=/portal/start`);
  expect(toLogin.response.status).toBe(200);
  expect(await toLogin.response.text()).toContain('Kies een demo-account');
  const interaction = toLogin.visited[toLogin.visited.length - 1];
  const submitted = await browser.request(`${interaction}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account }).toString(),
  });
  expect(submitted.status).toBeGreaterThanOrEqual(300);
  const back = await browser.follow(new URL(submitted.headers.get('location')!, interaction).href, (next) => next.pathname === '/portal/start');
  const session = browser.cookie(gateway.url, SESSION_COOKIE);
  if (!session) throw new Error(`no session cookie after sign-in; passed ${back.visited.join(' → ')}\n${gateway.output.join('')}`);
  return { visited: [...toLogin.visited, ...back.visited], session };
}

describe('gateway: sign-in with OpenID Connect against the development issuer', () => {
  let gateway: GatewayProcess;

  beforeAll(async () => {
    gateway = await startGateway();
  });

  afterAll(() => gateway?.stop());

  it('signs a browser in with the authorisation code flow and PKCE, into an HttpOnly, Secure, SameSite session cookie', async () => {
    const browser = new TestBrowser();
    const login = await browser.request(`${gateway.url}/auth/login?returnTo=/portal/start`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    // Discovery found the issuer's authorisation endpoint; the request carries PKCE (S256), state and nonce.
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${gateway.url}/auth/callback`);
    expect(authorize.searchParams.get('scope')).toBe('openid napl');
    // The code verifier is never in the browser: only the attempt's state is, in a cookie for /auth.
    expect(login.headers.getSetCookie().join('\n')).toMatch(/napl_sign_in=[^;]+; Max-Age=600; Path=\/auth; .*HttpOnly; Secure; SameSite=Lax/);

    const { visited } = await signIn(gateway, browser, 'docent-anne');
    const callback = visited.find((url) => url.startsWith(`${gateway.url}/auth/callback?`));
    expect(callback).toMatch(/[?&]code=/);
    expect(visited[visited.length - 1]).toBe(`${gateway.url}/portal/start`);

    const session = await browser.request(`${gateway.url}/auth/session`);
    expect(session.status).toBe(200);
    const body = await bodyOf(session);
    expect(body).toMatchObject({ via: 'session', principal: { ...DEMO_ACCOUNTS['docent-anne'], roles: ['teacher'] } });
    expect(body.csrfToken).toMatch(/^[\w-]{32}$/);
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax under the __Host- prefix, and stores only its hash', async () => {
    const browser = new TestBrowser();
    const login = await browser.follow(`${gateway.url}/auth/login`);
    const interaction = login.visited[login.visited.length - 1];
    const submitted = await browser.request(`${interaction}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=opleider-hanze',
    });
    let next = new URL(submitted.headers.get('location')!, interaction).href;
    let setCookie = '';
    for (let hop = 0; hop < 10 && !setCookie.includes(SESSION_COOKIE); hop++) {
      const response = await browser.request(next);
      setCookie = response.headers.getSetCookie().join('\n');
      next = new URL(response.headers.get('location')!, next).href;
    }
    expect(setCookie).toMatch(new RegExp(`${SESSION_COOKIE}=[\\w-]{43}; Max-Age=\\d+; Path=/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax`));
    const cookie = browser.cookie(gateway.url, SESSION_COOKIE)!;
    const rows = await gateway.query<{ session_hash: string; subject: string }>('SELECT session_hash, subject FROM browser_session WHERE subject = $1', [
      DEMO_ACCOUNTS['opleider-hanze'].subject,
    ]);
    expect(rows).toEqual([{ session_hash: createHash('sha256').update(cookie).digest('hex'), subject: DEMO_ACCOUNTS['opleider-hanze'].subject }]);
    const [{ found }] = await gateway.query<{ found: number }>(
      `SELECT count(*)::int AS found FROM browser_session WHERE session_hash = $1 OR principal::text LIKE '%' || $1 || '%' OR csrf_token = $1`,
      [cookie],
    );
    expect(found).toBe(0);
  });

  it('refuses a write with the session cookie but without the CSRF token, or from another site, before it reaches a service', async () => {
    const browser = new TestBrowser();
    await signIn(gateway, browser, 'docent-bram');
    const { csrfToken } = await bodyOf(browser.request(`${gateway.url}/auth/session`));
    const enrol = (headers: Record<string, string | undefined>) =>
      browser.request(`${gateway.url}/api/enrolments/v1/runs/33333333-3333-4333-8333-000000000001/enrolments`, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries({ 'content-type': 'application/json', ...headers }).filter((entry): entry is [string, string] => entry[1] !== undefined)),
        body: '{}',
      });

    for (const headers of [{}, { 'x-csrf-token': 'guessed' }, { 'x-csrf-token': csrfToken, origin: 'https://evil.example' }]) {
      const refused = await enrol(headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await bodyOf(refused)).toMatchObject({ status: 403, code: 'CSRF_TOKEN_MISSING', title: 'Geen toegang' });
    }
    // With the token the gateway lets it through to the service, which is not running in this test: 503, not 403.
    expect((await enrol({ 'x-csrf-token': csrfToken, origin: gateway.url })).status).toBe(503);

    const logoutWithout = await browser.request(`${gateway.url}/auth/logout`, { method: 'POST' });
    expect(logoutWithout.status).toBe(403);
  });

  it('refuses a replayed callback, and a callback whose state the browser did not start (login CSRF)', async () => {
    const victim = new TestBrowser();
    const attacker = new TestBrowser();
    const { visited } = await signIn(gateway, attacker, 'beheerder');
    const callback = visited.find((url) => url.startsWith(`${gateway.url}/auth/callback?`))!;

    const replayed = await attacker.request(callback);
    expect(replayed.status).toBe(400);
    expect(await bodyOf(replayed)).toMatchObject({ code: 'SIGN_IN_FAILED' });

    // A fresh code of the attacker's, pushed to the victim's browser: the victim holds no matching sign-in cookie.
    const fresh = await attacker.follow(`${gateway.url}/auth/login`, (next) => next.pathname === '/auth/callback');
    const pushed = await victim.request(fresh.visited[fresh.visited.length - 1]);
    expect(pushed.status).toBe(400);
    expect(victim.cookie(gateway.url, SESSION_COOKIE)).toBeUndefined();
  });

  it('signs out with the CSRF token: the session ends at the gateway', async () => {
    const browser = new TestBrowser();
    const { session } = await signIn(gateway, browser, 'ministerie-ocw');
    const { csrfToken } = await bodyOf(browser.request(`${gateway.url}/auth/session`));
    const out = await browser.request(`${gateway.url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect(browser.cookie(gateway.url, SESSION_COOKIE)).toBeUndefined();

    const stale = await fetch(`${gateway.url}/auth/session`, { headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    expect(stale.status).toBe(401);
    expect(await bodyOf(stale)).toMatchObject({ code: 'UNAUTHENTICATED' });
    // An ended session does not keep the browser from signing in again.
    expect((await fetch(`${gateway.url}/auth/login`, { headers: { cookie: `${SESSION_COOKIE}=${session}` }, redirect: 'manual' })).status).toBe(302);
  });

  it('takes Bearer access tokens from API clients, which need no CSRF token', async () => {
    const token = await gateway.tokenFor('opleider-hanze');
    const session = await fetch(`${gateway.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(await bodyOf(session)).toMatchObject({ via: 'bearer', csrfToken: null, principal: { providerId: DEMO_ACCOUNTS['opleider-hanze'].providerId } });
    const created = await fetch(`${gateway.url}/v1/api-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Koppeling', permissions: ['catalogue:read'] }),
    });
    expect(created.status).toBe(201);
  });
});
