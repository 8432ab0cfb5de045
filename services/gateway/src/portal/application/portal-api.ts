import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@napl/auth';
import { currentRequestContext } from '@napl/observability';
import { ForwardRequest } from '../../routing/application/forward-request';
import type { RoutedService } from '../../routing/domain/service-routes';

/** A service's error answer (RFC 9457), as every service sends it. */
export interface Problem {
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { field: string; messages: string[] }[];
  readonly [extension: string]: unknown;
}

export type ApiAnswer<T> =
  | { readonly ok: true; readonly status: number; readonly body: T; readonly headers: Record<string, string | string[] | undefined> }
  | { readonly ok: false; readonly status: number; readonly problem: Problem };

/** A service refused a read the page cannot do without (not found, no access, or the service is down). */
export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `status ${status}`);
  }
}

/** A page of a list as every service answers it. */
export interface CursorPage<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly hasMore?: boolean;
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/**
 * The portal's way to the services: the same route the public API takes (ForwardRequest), as the signed-in caller,
 * with a platform token for that service alone. The portal holds no data of its own and sees only what the caller
 * may see: every service still checks role and scope itself.
 */
@Injectable()
export class PortalApi {
  constructor(private readonly forward: ForwardRequest) {}

  /** A read the page needs: its body, or PortalApiError (the page's error filter shows it in Dutch). */
  async get<T>(principal: Principal, service: RoutedService, path: string, query: Query = {}): Promise<T> {
    const answer = await this.call<T>(principal, service, 'GET', path, { query });
    if (!answer.ok) throw new PortalApiError(answer.status, answer.problem);
    return answer.body;
  }

  /**
   * Every item of a cursor-paged list (`{ items, nextCursor, hasMore? }`), a hundred a page, reading on while the
   * service gives a next cursor. `maxPages` guards a page that expects a short list against a runaway.
   */
  async getAll<T>(principal: Principal, service: RoutedService, path: string, query: Query = {}, maxPages = Number.POSITIVE_INFINITY): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await this.get<CursorPage<T>>(principal, service, path, { ...query, limit: 100, cursor });
      items.push(...answer.items);
      if (answer.hasMore === false || !answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return items;
  }

  /** A read that may find nothing: undefined on 404. */
  async find<T>(principal: Principal, service: RoutedService, path: string, query: Query = {}): Promise<T | undefined> {
    const answer = await this.call<T>(principal, service, 'GET', path, { query });
    if (!answer.ok && answer.status === 404) return undefined;
    if (!answer.ok) throw new PortalApiError(answer.status, answer.problem);
    return answer.body;
  }

  /**
   * A write from a form: the answer either way, so the page can show the service's refusal next to the fields.
   * `idempotencyKey`: the form's own key (a hidden field), so a double click or a resent form acts once.
   */
  async send<T>(
    principal: Principal,
    service: RoutedService,
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    options: { idempotencyKey?: string; query?: Query } = {},
  ): Promise<ApiAnswer<T>> {
    return this.call<T>(principal, service, method, path, { body, idempotencyKey: options.idempotencyKey, query: options.query });
  }

  private async call<T>(
    principal: Principal,
    service: RoutedService,
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; idempotencyKey?: string },
  ): Promise<ApiAnswer<T>> {
    const context = currentRequestContext();
    const headers: Record<string, string> = { accept: 'application/json' };
    const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8');
    if (body) headers['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const answer = await this.forward.execute({
      route: { service, servicePath: path },
      method,
      search: searchOf(options.query ?? {}),
      headers,
      body,
      principal,
      requestId: context?.requestId ?? randomUUID(),
      correlationId: context?.correlationId ?? randomUUID(),
      clientAddress: '127.0.0.1',
    });
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const status = answer.statusCode ?? 502;
    const parsed: unknown = text.length > 0 && /json/.test(answer.headers['content-type'] ?? '') ? JSON.parse(text) : text;
    if (status >= 200 && status < 300) return { ok: true, status, body: parsed as T, headers: answer.headers };
    const problem = typeof parsed === 'object' && parsed !== null ? (parsed as Problem) : { status, detail: String(parsed) };
    return { ok: false, status, problem: { ...problem, status } };
  }
}

function searchOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
