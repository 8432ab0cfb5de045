import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader } from 'jose';

/** What a stub service was sent: the request as it arrived behind the gateway. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The claims and header of the Bearer token the gateway sent (not verified here: the services' own tests do). */
  readonly token?: { header: Record<string, unknown>; claims: Record<string, unknown> };
}

/**
 * A stand-in for a service behind the gateway: records every request, answers 200 with what it got, serves an
 * OpenAPI document at /docs/openapi.json, answers /v1/slow after `slowMs`, and /v1/created with 201 and a Location.
 */
export class StubService {
  readonly received: ReceivedRequest[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: { slowMs?: number; document?: Record<string, unknown> } = {}): Promise<StubService> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const stub = new StubService(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const received: ReceivedRequest = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
          token: bearer ? { header: decodeProtectedHeader(bearer) as Record<string, unknown>, claims: decodeJwt(bearer) as Record<string, unknown> } : undefined,
        };
        stub.received.push(received);
        const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          response.writeHead(status, { 'content-type': 'application/json', ...headers });
          response.end(JSON.stringify(payload));
        };
        if (request.url === '/docs/openapi.json') return answer(200, options.document ?? { openapi: '3.0.0', paths: {} });
        if (request.url === '/v1/slow') return void setTimeout(() => answer(200, { slow: true }), options.slowMs ?? 2_000).unref();
        if (request.url === '/v1/created') return answer(201, { id: 'x' }, { location: '/v1/created/x', 'idempotent-replayed': 'true' });
        answer(200, { method: received.method, url: received.url, body: body ? JSON.parse(body) : null, claims: received.token?.claims ?? null });
      });
    });
    return stub;
  }

  last(): ReceivedRequest {
    const request = this.received[this.received.length - 1];
    if (!request) throw new Error('the stub received nothing');
    return request;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** A JSON answer's body, for assertions (fetch types it unknown). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export async function bodyOf(response: Response | Promise<Response>): Promise<Json> {
  return (await response).json();
}
