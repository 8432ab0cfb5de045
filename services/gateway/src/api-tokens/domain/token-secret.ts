import { createHash, randomBytes } from 'node:crypto';

/**
 * A token's secret: `napl_pat_` and 32 random bytes (base64url). The prefix lets secret scanners (and people) know a
 * leaked token for what it is. Only the SHA-256 of the whole token is stored: the secret has 256 bits of entropy,
 * so a fast hash cannot be brute-forced and lets the gateway look a token up by its hash on every request (a slow
 * password hash would cost tens of milliseconds per call).
 */
export const TOKEN_PREFIX = 'napl_pat_';
const TOKEN_PATTERN = /^napl_pat_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashOfToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a bearer value looks like an API token (and not like a JWT). */
export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** What may be shown of a token after creation: enough to recognise it in a list, far too little to use. */
export function hintOf(token: string): string {
  return `${token.slice(0, TOKEN_PREFIX.length + 4)}…`;
}
