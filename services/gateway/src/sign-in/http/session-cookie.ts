import type { CookieOptions, Response } from 'express';
import { cookieOf, type GatewaySettings } from '../../callers/application/gateway-settings';
import type { GatewayRequest } from '../../callers/http/gateway-access.guard';
import type { SessionStore } from '../application/session-store';

/**
 * The session cookie's attributes, the same when it is set and when it is cleared (a browser drops a cookie only for
 * the same path): HttpOnly, no script reads it; Secure, https only; SameSite=Lax, not sent with another site's form
 * posts or fetches (writes need the CSRF token besides), but kept on a link followed to the portal.
 */
export function sessionCookieOptions(settings: GatewaySettings): CookieOptions {
  return { httpOnly: true, secure: settings.secureCookies, sameSite: 'lax', path: '/' };
}

/**
 * Signing out: ends the browser session the request carries and has the browser drop its cookie. False, and nothing
 * done, when the request came without a session (a Bearer token, or a session that had ended already).
 */
export async function endBrowserSession(request: GatewayRequest, response: Response, sessions: SessionStore, settings: GatewaySettings): Promise<boolean> {
  const sessionId = cookieOf(request.headers.cookie, settings.sessionCookie);
  if (request.caller?.via !== 'session' || sessionId === undefined) return false;
  await sessions.end(sessionId);
  response.clearCookie(settings.sessionCookie, sessionCookieOptions(settings));
  return true;
}
