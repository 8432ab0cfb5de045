/**
 * Which limit a request counts against. Signed-in callers are counted each on their own (a user or an API token),
 * so a burst of enrolments, many teachers at once each enrolling once or twice, passes however large it is, even
 * from behind one school's address; requests without a valid credential are counted per address.
 */
export type RouteClass = 'read' | 'write' | 'enrolment' | 'sign-in' | 'anonymous';

export interface RateLimitSettings {
  readonly windowSeconds: number;
  readonly limits: Record<RouteClass, number>;
}

/** The route class of a signed-in caller's request. */
export function routeClassOf(method: string, path: string): Exclude<RouteClass, 'anonymous'> {
  if (path.startsWith('/auth/')) return 'sign-in';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 'read';
  // A teacher enrolling, or a school leader enrolling a team: POST /v1/runs/{runId}/enrolments | team-enrolments.
  if (method === 'POST' && /^\/api\/enrolments\/v1\/runs\/[^/]+\/(team-)?enrolments$/.test(path)) return 'enrolment';
  return 'write';
}

/** The fixed window a moment falls in (epoch seconds of its start). */
export function windowStartOf(nowMs: number, windowSeconds: number): number {
  const seconds = Math.floor(nowMs / 1000);
  return seconds - (seconds % windowSeconds);
}

/** Whole seconds until the window ends (at least 1): the Retry-After of a refused request. */
export function retryAfterSeconds(nowMs: number, windowStart: number, windowSeconds: number): number {
  return Math.max(1, Math.ceil(windowStart + windowSeconds - nowMs / 1000));
}
