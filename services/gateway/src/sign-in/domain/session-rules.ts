import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A session ends after this long whatever its use; the idle timeout is a setting. */
export const SESSION_ABSOLUTE_HOURS = 12;
/** A sign-in must come back from the issuer within this time. */
export const SIGN_IN_ATTEMPT_MINUTES = 10;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What the table keeps of a session id: its hash, so a copy of the table is no key to anyone's session. */
export function hashOfSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** Compares a CSRF token in constant time, so its value cannot be guessed byte by byte from response times. */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The next idle expiry after a use: the idle time from now, never past the session's absolute end. */
export function slidExpiry(now: Date, idleMinutes: number, absoluteEnd: Date): Date {
  return new Date(Math.min(now.getTime() + idleMinutes * 60_000, absoluteEnd.getTime()));
}

/**
 * Only a path on the gateway itself may be returned to after sign-in: `//evil.example` or `https://…` would make the
 * gateway an open redirect.
 */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length <= 500 ? value : '/';
}
