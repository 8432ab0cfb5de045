import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importPKCS8, SignJWT, type KeyLike } from 'jose';
import { ACCESS_TOKEN_TYPE, DevIssuer, SCOPE_CLAIMS, serviceAudience, type Principal } from '@napl/auth';

/** Platform tokens live briefly: the gateway makes a new one for every caller and service as the old one ends. */
const LIFETIME_SECONDS = 300;
/** A cached token is used until this long before it expires, so it never expires on the way to the service. */
const RENEW_BEFORE_SECONDS = 60;
const MAX_CACHED = 10_000;

export interface PlatformTokenSettings {
  readonly issuer: string;
  /** PKCS#8 PEM file (production); without it the development issuer's key in devKeysDir. */
  readonly keyFile?: string;
  readonly devKeysDir: string;
}

/**
 * Signs the token the gateway hands a service for a caller (token exchange in effect, RFC 8693): the service's own
 * audience, the caller's roles and scope ids, five minutes. The services verify it as they verify every platform
 * token (libs/auth TokenVerifier), so no service needs to know how the caller signed in.
 */
export class PlatformTokenSigner {
  private readonly cache = new Map<string, { token: string; renewAt: number }>();

  private constructor(
    private readonly issuer: string,
    private readonly key: KeyLike,
    private readonly keyId: string,
  ) {}

  static async create(settings: PlatformTokenSettings): Promise<PlatformTokenSigner> {
    if (settings.keyFile) {
      const key = await importPKCS8(readFileSync(resolve(settings.keyFile), 'utf8'), 'RS256');
      return new PlatformTokenSigner(settings.issuer, key, 'napl-platform-1');
    }
    // Creates the development key pair the first time, as the start command does; the services read its jwks.json.
    await DevIssuer.fromDirectory(resolve(settings.devKeysDir));
    const pem = readFileSync(join(resolve(settings.devKeysDir), 'private-key.pem'), 'utf8');
    const jwks = JSON.parse(readFileSync(join(resolve(settings.devKeysDir), 'jwks.json'), 'utf8')) as { keys: { kid?: string }[] };
    return new PlatformTokenSigner(settings.issuer, await importPKCS8(pem, 'RS256'), jwks.keys[0]?.kid ?? 'napl-dev-1');
  }

  /** A token for `principal` at `service`, from the cache while it has more than a minute left. */
  async tokenFor(principal: Principal, service: string): Promise<string> {
    const key = `${service}\n${JSON.stringify([principal.subject, principal.roles, principal.providerId, principal.regionId, principal.teacherId, principal.schoolId])}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.renewAt > now) return cached.token;
    const token = await new SignJWT({
      [SCOPE_CLAIMS.roles]: principal.roles,
      [SCOPE_CLAIMS.providerId]: principal.providerId,
      [SCOPE_CLAIMS.regionId]: principal.regionId,
      [SCOPE_CLAIMS.teacherId]: principal.teacherId,
      [SCOPE_CLAIMS.schoolId]: principal.schoolId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: ACCESS_TOKEN_TYPE })
      .setSubject(principal.subject)
      .setIssuer(this.issuer)
      .setAudience(serviceAudience(service))
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.key);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { token, renewAt: now + (LIFETIME_SECONDS - RENEW_BEFORE_SECONDS) * 1000 });
    return token;
  }
}
