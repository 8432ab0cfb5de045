import { loadConfig } from '@napl/service-kit';
import { PathsConfig } from '../../paths.config';
import { DEVELOPMENT_ISSUER_URL, issuerUrlOf } from './credential-issuer';

const PRODUCTION = { NODE_ENV: 'production', CREDENTIALS_ISSUER_URL: 'https://napl.example.nl' };

/**
 * The problems loadConfig names about the credential settings. Only those: the platform's own production settings
 * (token issuer, broker credentials, ...) are the platform's tests' business.
 */
function credentialProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(PathsConfig, env);
    return [];
  } catch (error) {
    return String((error as Error).message)
      .split('\n')
      .filter((line) => line.includes('CREDENTIALS_'));
  }
}

describe('the credential settings', () => {
  it('refuse a production start without a signing key, and accept one given inline or as a file', () => {
    expect(credentialProblems(PRODUCTION)).toEqual([expect.stringMatching(/CREDENTIALS_SIGNING_KEY: required in production/)]);
    expect(credentialProblems({ ...PRODUCTION, CREDENTIALS_SIGNING_KEY: '' })).toEqual([expect.stringMatching(/CREDENTIALS_SIGNING_KEY/)]);
    expect(credentialProblems({ ...PRODUCTION, CREDENTIALS_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----' })).toEqual([]);
    expect(credentialProblems({ ...PRODUCTION, CREDENTIALS_SIGNING_KEY_FILE: '/run/secrets/credentials.pem' })).toEqual([]);
  });

  it('refuse a production start without the issuer URL, and a URL that is none', () => {
    expect(credentialProblems({ NODE_ENV: 'production', CREDENTIALS_SIGNING_KEY_FILE: '/k.pem' })).toEqual([expect.stringMatching(/CREDENTIALS_ISSUER_URL/)]);
    expect(credentialProblems({ CREDENTIALS_ISSUER_URL: 'geen url' })).toEqual([expect.stringMatching(/CREDENTIALS_ISSUER_URL/)]);
  });

  it('need nothing in development and test', () => {
    const config = loadConfig(PathsConfig, { NODE_ENV: 'test' });
    expect(config.CREDENTIALS_DEV_KEYS_DIR).toBe('.local/credentials-issuer');
    expect(issuerUrlOf(config)).toBe(DEVELOPMENT_ISSUER_URL);
  });

  it('refuse retired keys that are not PEM public keys', () => {
    expect(credentialProblems({ CREDENTIALS_RETIRED_PUBLIC_KEYS: 'sleutel' })).toEqual([expect.stringMatching(/CREDENTIALS_RETIRED_PUBLIC_KEYS/)]);
  });
});

describe('the issuer URL', () => {
  it('is the setting without a trailing slash, and https in production', () => {
    expect(issuerUrlOf({ NODE_ENV: 'production', CREDENTIALS_ISSUER_URL: 'https://napl.example.nl/' })).toBe('https://napl.example.nl');
    expect(() => issuerUrlOf({ NODE_ENV: 'production', CREDENTIALS_ISSUER_URL: 'http://napl.example.nl' })).toThrow(/https/);
    expect(() => issuerUrlOf({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(issuerUrlOf({ NODE_ENV: 'development', CREDENTIALS_ISSUER_URL: 'http://localhost:3000' })).toBe('http://localhost:3000');
  });
});
