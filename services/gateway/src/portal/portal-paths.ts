/** The gateway's own API and the services' (everything else is a portal page: `/`, `/aanbod`, `/regio/...`). */
const API_PREFIXES = ['/api', '/auth', '/v1', '/docs', '/health', '/metrics'];

/** A path of the web portal: HTML pages and their form posts, and its assets. */
export function isPortalPath(path: string): boolean {
  return !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
