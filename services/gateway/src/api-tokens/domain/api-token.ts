/**
 * Provider API tokens: a provider's own system calls the platform with one. The rules here are pure; the token's
 * secret is made and hashed in token-secret.ts.
 */

/** The services a provider's system may reach with a token, and what it may do there. */
export const API_TOKEN_PERMISSIONS = [
  'catalogue:read',
  'catalogue:write',
  'quality:read',
  'enrolments:read',
  'enrolments:write',
  'paths:read',
  'reimbursement:read',
  'reimbursement:write',
] as const;
export type ApiTokenPermission = (typeof API_TOKEN_PERMISSIONS)[number];

export const API_TOKEN_DAYS = { default: 90, max: 365 } as const;
/** How long the old token keeps working after a rotation, so the provider's system can switch without downtime. */
export const ROTATION_OVERLAP_HOURS = { default: 24, max: 7 * 24 } as const;

export interface ApiTokenState {
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

/** A token works from its creation until it expires or is revoked, whichever comes first. */
export function isUsable(token: ApiTokenState, now: Date): boolean {
  return token.revokedAt === null && token.expiresAt.getTime() > now.getTime();
}

export function expiryOf(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 3600_000);
}

/**
 * The old token's new end after a rotation: the overlap from now, but never later than it would have ended anyway
 * (rotating cannot extend a token's life).
 */
export function endAfterRotation(old: ApiTokenState, now: Date, overlapHours: number): Date {
  const overlapEnd = now.getTime() + overlapHours * 3600_000;
  return new Date(Math.min(old.expiresAt.getTime(), overlapEnd));
}

/** The permission a request needs: reading (GET, HEAD) or writing (anything else) on the service it goes to. */
export function permissionFor(service: string, method: string): string {
  return `${service}:${method === 'GET' || method === 'HEAD' ? 'read' : 'write'}`;
}
