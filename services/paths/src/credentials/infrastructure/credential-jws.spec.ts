import { generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import { content, step } from '../../paths/domain/path-definition.fixtures.spec-helper';
import { openBadgeFor, type OpenBadgeCredential } from '../domain/open-badge';
import { CREDENTIAL_JWS_TYPE, signCredential, verifyCredential } from './credential-jws';
import { keySetOf, publicJwksFromPem, publicPemOf, signingKeyFromPem, type SigningKey } from './credential-keys';

function pemOf(type: 'ec' | 'ed25519'): string {
  const { privateKey } = type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function badge(validFrom = new Date()): OpenBadgeCredential {
  return openBadgeFor({
    credentialId: '9d7b3c1a-1d2e-4f3a-8b4c-5d6e7f8a9b0c',
    issuerUrl: 'https://napl.example.nl',
    issuedAt: validFrom,
    teacherId: 'c0ffee00-0000-4000-8000-000000000001',
    recipientName: null,
    path: { code: 'pad', title: 'Pad', description: '', version: 1, content: content([step('a', { minimumHours: 4 })]) },
    step: null,
  });
}

/** The same text with the character at `index` replaced by another base64url character (or dot by a letter). */
function changedAt(jws: string, index: number): string {
  const original = jws[index];
  const replacement = original === 'A' ? 'B' : original === '.' ? 'x' : 'A';
  return jws.slice(0, index) + replacement + jws.slice(index + 1);
}

describe('a credential secured as a JWS (VC-JOSE-COSE)', () => {
  let es256: SigningKey;
  let ed25519: SigningKey;

  beforeAll(async () => {
    es256 = await signingKeyFromPem(pemOf('ec'), 'TEST');
    ed25519 = await signingKeyFromPem(pemOf('ed25519'), 'TEST');
  });

  it('carries typ vc+jwt, cty vc, the algorithm and the key id, and verifies against the key set', async () => {
    const credential = badge();
    const jws = await signCredential(credential, es256);
    const header = JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'ES256', kid: es256.kid, typ: 'vc+jwt', cty: 'vc' });
    const result = await verifyCredential(jws, keySetOf(es256, []).jwks);
    expect(result).toEqual({ valid: true, credential: JSON.parse(JSON.stringify(credential)), keyId: es256.kid });
  });

  it('signs with an Ed25519 key as EdDSA', async () => {
    const jws = await signCredential(badge(), ed25519);
    expect(JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString()).alg).toBe('EdDSA');
    expect(await verifyCredential(jws, keySetOf(ed25519, []).jwks)).toMatchObject({ valid: true });
  });

  it('fails when any single character is changed: header, payload or signature', async () => {
    const jws = await signCredential(badge(), es256);
    const { jwks } = keySetOf(es256, []);
    const stillValid: number[] = [];
    for (let index = 0; index < jws.length; index += 1) {
      if ((await verifyCredential(changedAt(jws, index), jwks)).valid) stillValid.push(index);
    }
    expect(stillValid).toEqual([]);
  });

  it('says in Dutch why a changed signature or payload fails', async () => {
    const jws = await signCredential(badge(), es256);
    const [header, , signature] = jws.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...badge(), name: 'Iets anders' })).toString('base64url');
    expect(await verifyCredential(`${header}.${otherPayload}.${signature}`, keySetOf(es256, []).jwks)).toEqual({
      valid: false,
      reason: expect.stringMatching(/handtekening klopt niet/),
    });
  });

  it('keeps verifying badges of a retired key once its public key is published, and refuses unknown keys', async () => {
    const old = await signCredential(badge(), es256);
    const retired = await publicJwksFromPem(publicPemOf(es256));
    expect(retired[0].kid).toBe(es256.kid);
    expect(await verifyCredential(old, keySetOf(ed25519, retired).jwks)).toMatchObject({ valid: true, keyId: es256.kid });
    expect(await verifyCredential(old, keySetOf(ed25519, []).jwks)).toEqual({ valid: false, reason: expect.stringMatching(/sleutel die dit platform niet kent/) });
  });

  it('answers garbage with a reason, never an error', async () => {
    const { jwks } = keySetOf(es256, []);
    for (const garbage of ['', 'abc', 'a.b', 'a.b.c', '...', 'ü.ö.ä', 'eyJhbGciOiJub25lIn0.eyJ9.', `${'A'.repeat(5000)}.x.y`, 'eyJhbGciOiJub25lIn0.e30.c2ln']) {
      const result = await verifyCredential(garbage, jwks);
      expect(result.valid).toBe(false);
      expect(result.valid === false && result.reason).toMatch(/[a-z]/);
    }
  });

  it('refuses a JWS of the platform\'s key that is not a vc+jwt, or not an Open Badge, or not valid yet', async () => {
    const { jwks } = keySetOf(es256, []);
    const sign = (payload: unknown, typ = CREDENTIAL_JWS_TYPE) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', kid: es256.kid, typ }).sign(es256.privateKey);
    expect(await verifyCredential(await sign(badge(), 'JWT'), jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/vc\+jwt/) });
    expect(await verifyCredential(await sign({ sub: 'x' }), jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/Open Badges 3\.0/) });
    expect(await verifyCredential(await sign('tekst'), jwks)).toMatchObject({ valid: false });
    const future = badge(new Date(Date.now() + 24 * 3600 * 1000));
    expect(await verifyCredential(await sign(future), jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/geldt pas vanaf/) });
    expect(await verifyCredential(await sign({ ...badge(), validUntil: '2020-01-01T00:00:00Z' }), jwks)).toMatchObject({ valid: false, reason: expect.stringMatching(/verlopen/) });
  });
});
