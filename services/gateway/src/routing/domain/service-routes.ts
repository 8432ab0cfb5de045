/** The services behind the gateway: `/api/<service>/<rest>` goes to `<service URL>/<rest>`. */
export const ROUTED_SERVICES = ['catalogue', 'quality', 'paths', 'enrolments', 'reimbursement', 'monitoring'] as const;
export type RoutedService = (typeof ROUTED_SERVICES)[number];

export interface RoutedPath {
  readonly service: RoutedService;
  /** The path at the service, starting with `/`. */
  readonly servicePath: string;
}

/** `/api/catalogue/v1/offers` → catalogue, `/v1/offers`; undefined for a path of no known service. */
export function routeOf(path: string): RoutedPath | undefined {
  const match = /^\/api\/([a-z]+)(\/.*)?$/.exec(path);
  if (!match || !(ROUTED_SERVICES as readonly string[]).includes(match[1])) return undefined;
  return { service: match[1] as RoutedService, servicePath: match[2] ?? '/' };
}

/** What the service calls `/v1/offers/1` the public API calls `/api/catalogue/v1/offers/1` (Location headers, links). */
export function publicPathOf(service: RoutedService, servicePath: string): string {
  return `/api/${service}${servicePath.startsWith('/') ? servicePath : `/${servicePath}`}`;
}

/**
 * Routes of a service that are not part of the public API: its health checks and metrics are for the platform's
 * own monitoring, its API document is served merged by the gateway.
 */
export function isInternalServicePath(servicePath: string): boolean {
  return /^\/(health|metrics|docs)(\/|$|-)/.test(servicePath) || servicePath === '/health' || servicePath === '/metrics';
}
