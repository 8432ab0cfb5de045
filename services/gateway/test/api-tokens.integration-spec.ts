import { createHash } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@napl/auth';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { bodyOf, StubService } from './support/stub-service';

const HANZE = DEMO_ACCOUNTS['opleider-hanze'].providerId!;

describe('gateway: provider API tokens', () => {
  let gateway: GatewayProcess;
  let catalogue: StubService;
  let hanze: string;

  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const create = async (body: Record<string, unknown>, as = hanze) => {
    const response = await call('/v1/api-tokens', as, { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    return bodyOf(response);
  };

  beforeAll(async () => {
    catalogue = await StubService.start();
    gateway = await startGateway({ CATALOGUE_URL: catalogue.url });
    hanze = await gateway.tokenFor('opleider-hanze');
  });

  afterAll(async () => {
    await gateway?.stop();
    await catalogue?.close();
  });

  it('are made by a provider for its own provider, shown once, and stored only as a hash', async () => {
    const created = await create({ name: 'Koppeling studentvolgsysteem', permissions: ['catalogue:read', 'catalogue:write'], expiresInDays: 30 });
    expect(created).toMatchObject({ providerId: HANZE, name: 'Koppeling studentvolgsysteem', permissions: ['catalogue:read', 'catalogue:write'], useCount: 0, lastUsedAt: null });
    expect(created.token).toMatch(/^napl_pat_[\w-]{43}$/);
    expect(created.hint).toBe(`${created.token.slice(0, 13)}…`);
    const days = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(30, 5);

    // Shown once: neither the list nor the token itself gives it again.
    const listed = await bodyOf(call('/v1/api-tokens', hanze));
    const mine = listed.items.find((item: { id: string }) => item.id === created.id);
    expect(mine).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(await bodyOf(call(`/v1/api-tokens/${created.id}`, hanze)))).not.toContain(created.token);

    // In the database: the SHA-256 of the token, and no column holds the token or its secret part.
    const [row] = await gateway.query<Record<string, unknown>>('SELECT * FROM api_token WHERE token_id = $1', [created.id]);
    expect(row.secret_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token.slice('napl_pat_'.length));
  });

  it('call the services as their provider, within their permissions, and every use is recorded', async () => {
    const { id, token } = await create({ name: 'Alleen lezen', permissions: ['catalogue:read'] });
    const read = await call('/api/catalogue/v1/offers?page=2', token);
    expect(read.status).toBe(200);
    const forwarded = catalogue.last();
    expect(forwarded.url).toBe('/v1/offers?page=2');
    // The service sees a platform token of the gateway for its own audience, naming the provider; never the API token.
    expect(forwarded.token?.claims).toMatchObject({ aud: 'napl-catalogue', sub: `api-token:${id}`, napl_roles: ['provider'], napl_provider_id: HANZE });
    expect(forwarded.token?.header).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    expect(JSON.stringify(forwarded.headers)).not.toContain(token);

    const write = await call('/api/catalogue/v1/offers', token, { method: 'POST', body: '{}' });
    expect(write.status).toBe(403);
    expect(await bodyOf(write)).toMatchObject({ code: 'PERMISSION_MISSING', required: 'catalogue:write' });
    expect((await call('/api/enrolments/v1/enrolments', token)).status).toBe(403);
    // Nor the gateway's own routes: a token cannot make or list tokens.
    expect((await call('/v1/api-tokens', token)).status).toBe(403);

    const [used] = await gateway.query<{ use_count: string; last_used_at: Date }>('SELECT use_count, last_used_at FROM api_token WHERE token_id = $1', [id]);
    expect(Number(used.use_count)).toBe(4);
    expect(Date.now() - used.last_used_at.getTime()).toBeLessThan(60_000);
    const view = await bodyOf(call(`/v1/api-tokens/${id}`, hanze));
    expect(view).toMatchObject({ useCount: 4, lastUsedAt: used.last_used_at.toISOString() });
  });

  it('stop working when they expire', async () => {
    const { id, token } = await create({ name: 'Kort', permissions: ['catalogue:read'], expiresInDays: 1 });
    expect((await call('/api/catalogue/v1/offers', token)).status).toBe(200);
    // A day later, as far as the token knows.
    await gateway.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE token_id = $1`, [id]);
    const expired = await call('/api/catalogue/v1/offers', token);
    expect(expired.status).toBe(401);
    expect(await bodyOf(expired)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Niet aangemeld' });
  });

  it('rotate: the new token works at once, the old one during the overlap and not after', async () => {
    const old = await create({ name: 'Roterend', permissions: ['catalogue:read'] });
    const rotated = await call(`/v1/api-tokens/${old.id}/rotate`, hanze, { method: 'POST', body: JSON.stringify({ overlapHours: 2 }) });
    expect(rotated.status).toBe(201);
    const fresh = await bodyOf(rotated);
    expect(fresh).toMatchObject({ name: 'Roterend', permissions: ['catalogue:read'], rotatedFrom: old.id });
    expect(fresh.token).not.toBe(old.token);
    const oldView = await bodyOf(call(`/v1/api-tokens/${old.id}`, hanze));
    expect(Date.parse(oldView.expiresAt) - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);
    expect(Date.parse(oldView.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3600_000);

    expect((await call('/api/catalogue/v1/offers', old.token)).status).toBe(200);
    expect((await call('/api/catalogue/v1/offers', fresh.token)).status).toBe(200);
    // The overlap has passed.
    await gateway.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE token_id = $1`, [old.id]);
    expect((await call('/api/catalogue/v1/offers', old.token)).status).toBe(401);
    expect((await call('/api/catalogue/v1/offers', fresh.token)).status).toBe(200);

    // An ended token cannot be rotated into a new life.
    const again = await call(`/v1/api-tokens/${old.id}/rotate`, hanze, { method: 'POST', body: '{}' });
    expect(again.status).toBe(409);
  });

  it('are revoked at once, by their provider or an admin, and are as missing to another provider', async () => {
    const { id, token } = await create({ name: 'Intrekken', permissions: ['catalogue:read'] });
    const windesheim = await gateway.tokenFor('opleider-windesheim');
    for (const attempt of [call(`/v1/api-tokens/${id}`, windesheim), call(`/v1/api-tokens/${id}`, windesheim, { method: 'DELETE' })]) {
      const refused = await attempt;
      expect(refused.status).toBe(404);
      expect(await bodyOf(refused)).toMatchObject({ code: 'API_TOKEN_NOT_FOUND' });
    }
    expect((await bodyOf(call('/v1/api-tokens', windesheim))).items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect((await call('/api/catalogue/v1/offers', token)).status).toBe(200);

    const revoked = await call(`/v1/api-tokens/${id}`, hanze, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect((await bodyOf(revoked)).revokedAt).not.toBeNull();
    expect((await call('/api/catalogue/v1/offers', token)).status).toBe(401);

    const leaked = await create({ name: 'Gelekt', permissions: ['catalogue:read'] });
    expect((await call(`/v1/api-tokens/${leaked.id}`, await gateway.tokenFor('beheerder'), { method: 'DELETE' })).status).toBe(200);
    expect((await call('/api/catalogue/v1/offers', leaked.token)).status).toBe(401);
  });

  it('are made only by providers, with known permissions and a bounded life', async () => {
    const teacher = await gateway.tokenFor('docent-anne');
    expect((await call('/v1/api-tokens', teacher, { method: 'POST', body: JSON.stringify({ name: 'x', permissions: ['catalogue:read'] }) })).status).toBe(403);
    const admin = await gateway.tokenFor('beheerder');
    expect((await call('/v1/api-tokens', admin, { method: 'POST', body: JSON.stringify({ name: 'Beheer', permissions: ['catalogue:read'] }) })).status).toBe(403);
    for (const body of [
      { name: 'Alles', permissions: ['admin:write'] },
      { name: 'Geen', permissions: [] },
      { name: 'Eeuwig', permissions: ['catalogue:read'], expiresInDays: 366 },
    ]) {
      const refused = await call('/v1/api-tokens', hanze, { method: 'POST', body: JSON.stringify(body) });
      expect(refused.status).toBe(400);
      expect(await bodyOf(refused)).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});
