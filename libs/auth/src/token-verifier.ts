import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { ROLES, SCOPE_CLAIMS, type Principal, type Role } from './principal';

/** The JOSE header `typ` of an access token (RFC 9068): an ID token or another JWT of the issuer is no access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** How far the issuer's clock and ours may differ, for exp, nbf and iat. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's key set: its JWKS URL (OpenID Connect) or the keys themselves (development issuer). */
  readonly jwks: URL | JSONWebKeySet;
  /** The cache of verified tokens; defaults in VERIFIED_TOKEN_CACHE. */
  readonly cache?: { readonly maxEntries?: number; readonly maxAgeMs?: number };
  /** The clock, in ms since the epoch; tests move it. */
  readonly now?: () => number;
}

export const VERIFIED_TOKEN_CACHE = { maxEntries: 10_000, maxAgeMs: 5 * 60_000 } as const;

export class InvalidTokenError extends Error {}

interface CachedPrincipal {
  readonly principal: Principal;
  /** ms since the epoch */
  readonly until: number;
}

/**
 * Verifies OpenID Connect access tokens (JWT) and turns them into a Principal.
 *
 * A token verified once is remembered (keyed by the token itself) until it expires, at most five minutes, in an LRU of
 * at most 10,000 entries: a client sends the same token with every request, and an RSA signature check per request
 * would dominate a hot endpoint. That is safe because the result depends only on the token's bytes, the keys and the
 * clock: the same token verifies the same way until its exp, and the cache never keeps it past exp. What the cache
 * does delay is noticing a key the issuer withdrew (up to five minutes); tokens are not checked against a revocation
 * list per request today either, so a revoked token was already accepted until its exp. Failures are not cached, so
 * garbage tokens cannot push valid ones out.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;
  private readonly verified = new Map<string, CachedPrincipal>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private checks = 0;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = options.jwks instanceof URL ? createRemoteJWKSet(options.jwks) : createLocalJWKSet(options.jwks);
    this.maxEntries = options.cache?.maxEntries ?? VERIFIED_TOKEN_CACHE.maxEntries;
    this.maxAgeMs = options.cache?.maxAgeMs ?? VERIFIED_TOKEN_CACHE.maxAgeMs;
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const cached = this.verified.get(token);
    if (cached) {
      this.verified.delete(token);
      if (cached.until > now) {
        this.verified.set(token, cached); // most recently used: last in the Map's order
        return cached.principal;
      }
    }
    const { principal, expiresAt } = await this.verifySignatureAndClaims(token, now);
    this.remember(token, principal, Math.min(expiresAt, now + this.maxAgeMs));
    return principal;
  }

  /** How many verified tokens are remembered (for tests). */
  get cachedTokens(): number {
    return this.verified.size;
  }

  /** How many tokens had their signature and claims checked, cache misses (for tests). */
  get signatureChecks(): number {
    return this.checks;
  }

  private remember(token: string, principal: Principal, until: number): void {
    if (this.maxEntries <= 0 || until <= this.now()) return;
    while (this.verified.size >= this.maxEntries) {
      // A Map iterates in insertion order: the first key is the least recently used.
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { principal, until });
  }

  private async verifySignatureAndClaims(token: string, now: number): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    this.checks++;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256', 'ES256'],
        typ: ACCESS_TOKEN_TYPE,
        // A token without exp would be valid for ever; without iat its age is unknown.
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now),
      }));
    } catch (error) {
      const reason = error instanceof errors.JWTExpired ? 'token expired' : 'token not valid';
      throw new InvalidTokenError(reason);
    }
    // jose checks iat only against a maximum age; a token from the future is a forged or broken clock.
    if ((payload.iat as number) > now / 1000 + CLOCK_TOLERANCE_SECONDS) throw new InvalidTokenError('token issued in the future');
    if (!payload.sub) throw new InvalidTokenError('token has no subject');
    const claimedRoles = payload[SCOPE_CLAIMS.roles];
    const roles = Array.isArray(claimedRoles)
      ? claimedRoles.filter((role): role is Role => ROLES.includes(role as Role))
      : [];
    const principal: Principal = Object.freeze({
      subject: payload.sub,
      roles: Object.freeze(roles),
      providerId: stringClaim(payload, SCOPE_CLAIMS.providerId),
      regionId: stringClaim(payload, SCOPE_CLAIMS.regionId),
      teacherId: stringClaim(payload, SCOPE_CLAIMS.teacherId),
      schoolId: stringClaim(payload, SCOPE_CLAIMS.schoolId),
    });
    return { principal, expiresAt: (payload.exp as number) * 1000 };
  }
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
