/**
 * Postgres SQLSTATEs that say "try again" rather than "this event is bad": the same transaction, run again a
 * moment later, may well succeed.
 */
const TRANSIENT_SQLSTATES: ReadonlyMap<string, string> = new Map([
  ['40001', 'serialization_failure'],
  ['40P01', 'deadlock_detected'],
  ['55P03', 'lock_not_available'],
  ['57P01', 'admin_shutdown'],
  ['57P02', 'crash_shutdown'],
  ['57P03', 'cannot_connect_now'],
  ['53300', 'too_many_connections'],
]);

/** SQLSTATE class 08: connection exceptions (08000, 08003, 08006, 08001, 08004, ...). */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;

/** Node's socket and DNS error codes for a connection that failed or broke. */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What node-postgres and its pool say when the connection is lost or cannot be had; they set no code. */
const TRANSIENT_MESSAGES = [
  /^Connection terminated/, // 'Connection terminated unexpectedly', '... due to connection timeout'
  /^timeout exceeded when trying to connect/, // pg-pool's connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/,
  /^Connection is not established/,
];

/** How deep to follow `driverError`, `cause` and AggregateError's `errors`. */
const MAX_DEPTH = 5;

/**
 * Why `error` is transient (e.g. `40001 serialization_failure`, `ECONNRESET`), or undefined when it is not: a
 * failure of the database or of the connection to it that says nothing about the event, so the consumer retries
 * it without counting it towards dead-lettering. Looks through TypeORM's QueryFailedError (`driverError`), error
 * causes and AggregateErrors (a refused connection to a host with several addresses).
 */
export function transientReason(error: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return undefined;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    const sqlState = TRANSIENT_SQLSTATES.get(code);
    if (sqlState) return `${code} ${sqlState}`;
    if (CONNECTION_EXCEPTION.test(code)) return `${code} connection_exception`;
    if (TRANSIENT_NODE_CODES.has(code)) return code;
  }
  if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return message;
  for (const inner of [driverError, cause, ...(Array.isArray(errors) ? errors : [])]) {
    const reason = transientReason(inner, depth + 1);
    if (reason) return reason;
  }
  return undefined;
}

/** True when `error` is transient (see `transientReason`): retry it, and do not count it as a failed try. */
export function isTransientError(error: unknown): boolean {
  return transientReason(error) !== undefined;
}

export interface TransientBackoff {
  /** The wait before the second try. */
  readonly initialDelayMs: number;
  /** The longest wait between tries. */
  readonly maxDelayMs: number;
}

/** 100 ms, 200 ms, 400 ms, ... up to 5 s between tries, for as long as the error lasts. */
export const DEFAULT_TRANSIENT_BACKOFF: TransientBackoff = { initialDelayMs: 100, maxDelayMs: 5_000 };

/** The wait after the `tryNumber`th try (1, 2, ...) failed transiently: doubling from the first delay to the cap. */
export function transientDelayMs(tryNumber: number, backoff: TransientBackoff = DEFAULT_TRANSIENT_BACKOFF): number {
  const doublings = Math.min(Math.max(tryNumber, 1) - 1, 30);
  return Math.min(backoff.initialDelayMs * 2 ** doublings, backoff.maxDelayMs);
}
