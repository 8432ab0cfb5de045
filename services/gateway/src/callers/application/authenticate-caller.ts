import { Inject, Injectable } from '@nestjs/common';
import { InvalidTokenError, TokenVerifier } from '@napl/auth';
import { AuthenticateApiToken } from '../../api-tokens/application/authenticate-api-token';
import { looksLikeApiToken } from '../../api-tokens/domain/token-secret';
import { SessionStore } from '../../sign-in/application/session-store';
import type { Caller } from './caller';
import { cookieOf, GATEWAY_SETTINGS, type GatewaySettings } from './gateway-settings';

/** A credential was sent but is not (or no longer) valid: the caller gets 401, and the address is counted. */
export class InvalidCredential extends Error {
  constructor(
    readonly credential: 'bearer' | 'session',
    reason: string,
  ) {
    super(reason);
  }
}

export interface CredentialHeaders {
  readonly authorization?: string;
  readonly cookie?: string;
}

/**
 * Who is calling, from the request's credential: a Bearer API token of a provider (`napl_pat_…`), a Bearer access
 * token of the issuer (a JWT, verified through the issuer's keys: AUTH_ISSUER, AUTH_JWKS_URL), or the browser's
 * session cookie. No credential: undefined (anonymous). A bad one: InvalidCredential. A Bearer token wins over the
 * cookie, so an API client is never confused with the browser it runs in.
 */
@Injectable()
export class AuthenticateCaller {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly apiTokens: AuthenticateApiToken,
    private readonly sessions: SessionStore,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute(headers: CredentialHeaders): Promise<Caller | undefined> {
    if (headers.authorization !== undefined) {
      const [scheme, value, ...rest] = headers.authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !value || rest.length > 0) throw new InvalidCredential('bearer', 'not a bearer token');
      if (looksLikeApiToken(value)) {
        const token = await this.apiTokens.execute(value);
        if (!token) throw new InvalidCredential('bearer', 'unknown, expired or revoked API token');
        return { principal: token.principal, via: 'api-token', tokenId: token.tokenId, permissions: token.permissions };
      }
      try {
        return { principal: await this.verifier.verify(value), via: 'bearer' };
      } catch (error) {
        if (error instanceof InvalidTokenError) throw new InvalidCredential('bearer', error.message);
        throw error;
      }
    }
    const sessionId = cookieOf(headers.cookie, this.settings.sessionCookie);
    if (sessionId === undefined) return undefined;
    const session = await this.sessions.find(sessionId, this.settings.sessionIdleMinutes);
    if (!session) throw new InvalidCredential('session', 'session ended');
    return { principal: session.principal, via: 'session', csrfToken: session.csrfToken };
  }
}
