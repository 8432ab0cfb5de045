import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { ROLES, SCOPE_CLAIMS, type Principal, type Role } from './principal';

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's key set: its JWKS URL (OpenID Connect) or the keys themselves (development issuer). */
  readonly jwks: URL | JSONWebKeySet;
}

export class InvalidTokenError extends Error {}

/** Verifies OpenID Connect access tokens (JWT) and turns them into a Principal. */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = options.jwks instanceof URL ? createRemoteJWKSet(options.jwks) : createLocalJWKSet(options.jwks);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256', 'ES256'],
      }));
    } catch (error) {
      const reason = error instanceof errors.JWTExpired ? 'token expired' : 'token not valid';
      throw new InvalidTokenError(reason);
    }
    if (!payload.sub) throw new InvalidTokenError('token has no subject');
    const claimedRoles = payload[SCOPE_CLAIMS.roles];
    const roles = Array.isArray(claimedRoles)
      ? claimedRoles.filter((role): role is Role => ROLES.includes(role as Role))
      : [];
    return {
      subject: payload.sub,
      roles,
      providerId: stringClaim(payload, SCOPE_CLAIMS.providerId),
      regionId: stringClaim(payload, SCOPE_CLAIMS.regionId),
      teacherId: stringClaim(payload, SCOPE_CLAIMS.teacherId),
      schoolId: stringClaim(payload, SCOPE_CLAIMS.schoolId),
    };
  }
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
