import type { CredentialKeys } from '../infrastructure/credential-keys';

/** The platform as the issuer of badges: its public URL (the issuer's id) and its keys, loaded once at start-up. */
export class CredentialIssuer {
  constructor(
    readonly issuerUrl: string,
    readonly keys: CredentialKeys,
  ) {}
}

/** Where `npm start` serves the platform (the gateway); only outside production. */
export const DEVELOPMENT_ISSUER_URL = 'http://127.0.0.1:3000';

/**
 * The issuer's id: CREDENTIALS_ISSUER_URL. Required in production, and https there, since it is what every badge
 * names as its issuer for as long as the badge exists.
 */
export function issuerUrlOf(settings: { readonly NODE_ENV: string; readonly CREDENTIALS_ISSUER_URL?: string }): string {
  const url = settings.CREDENTIALS_ISSUER_URL?.replace(/\/+$/, '');
  if (settings.NODE_ENV !== 'production') return url ?? DEVELOPMENT_ISSUER_URL;
  if (!url) throw new Error('CREDENTIALS_ISSUER_URL: required in production (the platform\'s public URL, the issuer of its badges)');
  if (!/^https:\/\//i.test(url)) throw new Error(`CREDENTIALS_ISSUER_URL: must be an https:// URL in production (got ${JSON.stringify(url)})`);
  return url;
}
