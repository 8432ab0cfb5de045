import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What every log line and every event caused by one request (or one consumed event) carries. */
export interface RequestContext {
  /** An HTTP request, or an event taken from Kafka. */
  readonly source: 'http' | 'event';
  /** This request's id, or the consumed event's id. */
  readonly requestId: string;
  /** Shared by everything one outside request set in motion, across services and events. */
  readonly correlationId: string;
  /** Who acts, once known (the verified token's subject and roles); undefined for anonymous and system work. */
  actor(): string | undefined;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

// Ids from outside are taken over only when they are short and plain, so they cannot forge log lines.
const SAFE_ID = /^[\w.:-]{1,128}$/;

function headerId(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && SAFE_ID.test(first) ? first : undefined;
}

interface PrincipalLike {
  readonly subject: string;
  readonly roles: readonly string[];
}

type TrackedRequest = IncomingMessage & { principal?: PrincipalLike; naplContext?: RequestContext };

/**
 * The context of an HTTP request: X-Request-Id and X-Correlation-Id taken over when the caller sends usable ones
 * (the gateway will), otherwise new; both echoed in the response. Computed once per request, whoever asks first
 * (the access log or the observability middleware).
 */
export function requestContextOf(request: IncomingMessage, response?: ServerResponse): RequestContext {
  const tracked = request as TrackedRequest;
  if (tracked.naplContext) return tracked.naplContext;
  const requestId = headerId(request.headers['x-request-id']) ?? randomUUID();
  const correlationId = headerId(request.headers['x-correlation-id']) ?? requestId;
  tracked.naplContext = {
    source: 'http',
    requestId,
    correlationId,
    actor: () => (tracked.principal ? `${tracked.principal.roles.join('+')}:${tracked.principal.subject}` : undefined),
  };
  if (response && !response.headersSent) {
    response.setHeader('X-Request-Id', requestId);
    response.setHeader('X-Correlation-Id', correlationId);
  }
  return tracked.naplContext;
}
