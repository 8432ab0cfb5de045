import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, SignJWT, type JSONWebKeySet, type KeyLike } from 'jose';
import { SCOPE_CLAIMS, type Principal } from './principal';
import { ACCESS_TOKEN_TYPE } from './token-verifier';

export const DEV_ISSUER = 'https://napl.localhost/dev-issuer';
const KEY_ID = 'napl-dev-1';

/** Every NAPL service; each verifies tokens for its own audience. */
export const NAPL_SERVICES = ['gateway', 'catalogue', 'quality', 'paths', 'enrolments', 'reimbursement', 'monitoring'] as const;

/** The audience (`aud`) of a service's access tokens, and the default of its AUTH_AUDIENCE: `napl-<service>`. */
export function serviceAudience(service: string): string {
  return `napl-${service}`;
}

/**
 * The development issuer's tokens name every service's audience, so one demo token works on each service as it does
 * today. In production a client gets a token for the gateway, and the gateway exchanges it (OAuth 2.0 Token Exchange,
 * RFC 8693) for one narrowed to the service it calls; no service then accepts a token meant for another.
 */
export const DEV_AUDIENCES: readonly string[] = NAPL_SERVICES.map(serviceAudience);

/**
 * The development issuer: signs tokens for demo accounts and tests with a key pair kept under
 * .local/ (generated on first use, never committed). Never used in production: there the services
 * verify tokens of a real OpenID Connect issuer through its JWKS URL.
 */
export class DevIssuer {
  private constructor(
    private readonly privateKey: KeyLike,
    readonly jwks: JSONWebKeySet,
  ) {}

  static async inMemory(): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    return new DevIssuer(privateKey, { keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' }] });
  }

  /** Loads the key pair from `directory`, creating it the first time. */
  static async fromDirectory(directory: string): Promise<DevIssuer> {
    const privatePath = join(directory, 'private-key.pem');
    const jwksPath = join(directory, 'jwks.json');
    if (!existsSync(privatePath) || !existsSync(jwksPath)) {
      const issuer = await DevIssuer.inMemory();
      mkdirSync(directory, { recursive: true });
      writeFileSync(privatePath, await exportPKCS8(issuer.privateKey), { mode: 0o600 });
      writeFileSync(jwksPath, JSON.stringify(issuer.jwks, null, 2));
      return issuer;
    }
    const privateKey = await importPKCS8(readFileSync(privatePath, 'utf8'), 'RS256');
    return new DevIssuer(privateKey, JSON.parse(readFileSync(jwksPath, 'utf8')) as JSONWebKeySet);
  }

  /** An access token (typ at+jwt) for `principal`, for the audiences of every service unless told otherwise. */
  async issue(principal: Principal, expiresIn = '8h', audience: string | readonly string[] = DEV_AUDIENCES): Promise<string> {
    return new SignJWT({
      [SCOPE_CLAIMS.roles]: principal.roles,
      [SCOPE_CLAIMS.providerId]: principal.providerId,
      [SCOPE_CLAIMS.regionId]: principal.regionId,
      [SCOPE_CLAIMS.teacherId]: principal.teacherId,
      [SCOPE_CLAIMS.schoolId]: principal.schoolId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: ACCESS_TOKEN_TYPE })
      .setSubject(principal.subject)
      .setIssuer(DEV_ISSUER)
      .setAudience(typeof audience === 'string' ? audience : [...audience])
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }
}
