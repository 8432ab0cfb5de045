/** What the callers' checks need of the gateway's configuration (a provider, so tests and the module share it). */
export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');

export interface GatewaySettings {
  readonly publicUrl: string;
  readonly sessionCookie: string;
  readonly secureCookies: boolean;
  readonly sessionIdleMinutes: number;
  readonly corsOrigins: readonly string[];
  readonly rateLimits: boolean;
  /** Proxies of our own before the gateway (see clientAddressOf). */
  readonly trustedProxyHops: number;
}

/** `__Host-` makes the browser refuse the cookie unless it is Secure, for the whole host, and set by it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-napl_session' : 'napl_session';
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value; // not percent-encoded text: no session id of ours, so it will simply not be found
      }
    }
  }
  return undefined;
}
