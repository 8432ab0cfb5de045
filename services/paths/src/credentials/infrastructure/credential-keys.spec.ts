import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialKeyError, loadCredentialKeys, publicPemOf, signingKeyFromPem, type CredentialKeySettings } from './credential-keys';

const ecPem = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('the platform\'s credential keys', () => {
  let directory: string;
  const settings = (overrides: Partial<CredentialKeySettings> = {}): CredentialKeySettings => ({ NODE_ENV: 'development', CREDENTIALS_DEV_KEYS_DIR: directory, ...overrides });

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'napl-credential-keys-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('in development, generates a key once and keeps using it', async () => {
    const first = await loadCredentialKeys(settings());
    const second = await loadCredentialKeys(settings());
    expect(first.signing.kid).toBe(second.signing.kid);
    expect(first.signing.alg).toBe('ES256');
    expect(readdirSync(directory)).toEqual(['signing-key.pem']);
  });

  it('in development, starts with a key for this run when the directory cannot be written, and says so', async () => {
    const blocked = join(directory, 'a-file');
    writeFileSync(blocked, '');
    const keys = await loadCredentialKeys(settings({ CREDENTIALS_DEV_KEYS_DIR: join(blocked, 'keys') }));
    expect(keys.signing.alg).toBe('ES256');
    expect(keys.warning).toMatch(/verify only until the next start/);
    expect((await loadCredentialKeys(settings())).warning).toBeUndefined();
  });

  it('in production, refuses to start without a configured key', async () => {
    await expect(loadCredentialKeys(settings({ NODE_ENV: 'production' }))).rejects.toThrow(/required in production/);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('uses the configured key, also written on one line with \\n, and publishes only public parts', async () => {
    const pem = ecPem();
    const keys = await loadCredentialKeys(settings({ NODE_ENV: 'production', CREDENTIALS_SIGNING_KEY: pem.replace(/\n/g, '\\n') }));
    expect(keys.signing.kid).toBe((await signingKeyFromPem(pem, 'X')).kid);
    expect(keys.jwks.keys).toHaveLength(1);
    expect(keys.jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: keys.signing.kid });
    expect(keys.jwks.keys[0]).not.toHaveProperty('d');
  });

  it('publishes retired public keys after the current one, without a duplicate of the current one', async () => {
    const current = await signingKeyFromPem(ecPem(), 'X');
    const retired = await signingKeyFromPem(ecPem(), 'X');
    const keys = await loadCredentialKeys(
      settings({ CREDENTIALS_SIGNING_KEY: ecPem(), CREDENTIALS_RETIRED_PUBLIC_KEYS: `${publicPemOf(retired)}\n${publicPemOf(current)}` }),
    );
    expect(keys.jwks.keys.map((key) => key.kid)).toEqual([keys.signing.kid, retired.kid, current.kid]);
    const same = await loadCredentialKeys(settings({ CREDENTIALS_SIGNING_KEY: ecPem(), CREDENTIALS_RETIRED_PUBLIC_KEYS: publicPemOf(retired) }));
    expect(same.jwks.keys).toHaveLength(2);
  });

  it('refuses keys it cannot use, without repeating the key in the message', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(loadCredentialKeys(settings({ CREDENTIALS_SIGNING_KEY: rsa }))).rejects.toThrow(/P-256 \(ES256\) or Ed25519/);
    const error = await loadCredentialKeys(settings({ CREDENTIALS_SIGNING_KEY: 'geheim-en-geen-pem' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CredentialKeyError);
    expect(String(error)).not.toContain('geheim');
    await expect(loadCredentialKeys(settings({ CREDENTIALS_SIGNING_KEY: ecPem(), CREDENTIALS_SIGNING_KEY_FILE: '/x' }))).rejects.toThrow(/both set/);
    await expect(loadCredentialKeys(settings({ CREDENTIALS_SIGNING_KEY_FILE: join(directory, 'missing.pem') }))).rejects.toThrow(/cannot read/);
    await expect(loadCredentialKeys(settings({ CREDENTIALS_RETIRED_PUBLIC_KEYS: 'niets' }))).rejects.toThrow(/no PEM public key/);
  });
});
