/** What the audit log records: every request through the gateway that may change something. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWrite(method: string): boolean {
  return !READS.has(method);
}

/** The path as recorded: without the query string, which may carry personal data, and at most 500 characters. */
export function recordedPath(originalUrl: string): string {
  const query = originalUrl.indexOf('?');
  return (query >= 0 ? originalUrl.slice(0, query) : originalUrl).slice(0, 500);
}
