import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Why a service gave no answer: not reachable (503), too slow (504), or a broken answer (502). */
export class UpstreamFailure extends Error {
  constructor(
    readonly reason: 'unavailable' | 'timeout' | 'bad-gateway',
    message: string,
  ) {
    super(message);
  }
}

export interface UpstreamRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: OutgoingHttpHeaders;
  readonly body?: Buffer;
  readonly timeoutMs: number;
}

// Connections to the services are kept open: a TCP handshake per request would be most of the gateway's cost.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Sends one request to a service and resolves with its answer's head once it arrives (the body streams on). The
 * timeout covers the time until the answer's head arrives.
 */
export async function sendUpstream(upstream: UpstreamRequest): Promise<IncomingMessage> {
  try {
    return await sendOnce(upstream);
  } catch (error) {
    // A kept-alive connection the service closed just as it was taken for this request (its idle timeout): the
    // request never reached the service, so a read is sent again once, on a fresh connection (Node's
    // request.reusedSocket advice). A write is not: it might have been received.
    if (error instanceof StaleConnection && SAFE_TO_REPEAT.has(upstream.method)) return sendOnce(upstream);
    throw error instanceof StaleConnection ? new UpstreamFailure('bad-gateway', error.message) : error;
  }
}

const SAFE_TO_REPEAT = new Set(['GET', 'HEAD']);

class StaleConnection extends Error {}

function sendOnce(upstream: UpstreamRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = upstream.url.protocol === 'https:';
    const outgoing = (secure ? httpsRequest : httpRequest)(upstream.url, {
      method: upstream.method,
      headers: { ...upstream.headers, ...(upstream.body ? { 'content-length': String(upstream.body.length) } : {}) },
      agent: secure ? httpsAgent : httpAgent,
    });
    const timer = setTimeout(() => {
      outgoing.destroy(new UpstreamFailure('timeout', `no answer within ${upstream.timeoutMs} ms`));
    }, upstream.timeoutMs);
    outgoing.on('response', (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error instanceof UpstreamFailure) return reject(error);
      if (outgoing.reusedSocket && error.code === 'ECONNRESET') return reject(new StaleConnection(error.message));
      reject(new UpstreamFailure(REFUSED.has(error.code ?? '') ? 'unavailable' : 'bad-gateway', error.message));
    });
    outgoing.end(upstream.body);
  });
}

// Hop-by-hop headers (RFC 9110 7.6.1) and what the gateway decides itself are not passed on in either direction.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'authorization', 'cookie', 'x-csrf-token', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'origin', 'referer']);

/** The caller's headers that a service may see: content negotiation, idempotency, conditional requests. */
export function forwardedRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_FORWARDED.has(name) && !name.startsWith('x-napl-')));
}

/** The service's answer headers the caller gets; security headers, CORS and caching are the gateway's own. */
export function returnedResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const returned: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    // A service sets no cookie on the platform's origin, and the gateway's CORS is the only CORS.
    if (HOP_BY_HOP.has(name) || name === 'set-cookie' || name.startsWith('access-control-') || name === 'x-request-id' || name === 'x-correlation-id') continue;
    if (value !== undefined) returned[name] = value;
  }
  return returned;
}
