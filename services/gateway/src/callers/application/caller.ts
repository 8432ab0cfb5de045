import type { Principal } from '@napl/auth';

/** How the caller proved who they are. */
export type CredentialKind = 'session' | 'api-token' | 'bearer';

/**
 * Who is calling through the gateway: the principal the services will see (in the platform token), how they
 * signed in, and for an API token its id and permissions. The key identifies the caller for rate limits.
 */
export interface Caller {
  readonly principal: Principal;
  readonly via: CredentialKind;
  /** An API token's id; a session's id never leaves the gateway. */
  readonly tokenId?: string;
  /** An API token's permissions (`<service>:read|write`); undefined: the principal's roles decide alone. */
  readonly permissions?: readonly string[];
  /** The CSRF token of a browser session, which every write with the session cookie must repeat. */
  readonly csrfToken?: string;
}

/** The rate-limit key of a signed-in caller: per API token, else per user. */
export function callerKey(caller: Caller): string {
  return caller.via === 'api-token' ? `token:${caller.tokenId}` : `user:${caller.principal.subject}`;
}
