import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DevIssuer, type Principal } from '@napl/auth';

export const SERVICE_URLS = {
  catalogue: 'http://127.0.0.1:3101',
  quality: 'http://127.0.0.1:3102',
  paths: 'http://127.0.0.1:3103',
  enrolments: 'http://127.0.0.1:3104',
  reimbursement: 'http://127.0.0.1:3105',
  monitoring: 'http://127.0.0.1:3106',
  gateway: 'http://127.0.0.1:3000',
} as const;

export type ServiceName = keyof typeof SERVICE_URLS;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;
/** A demo account by name, or a principal of the demo data that nobody signs in as (the study day's teachers). */
export type DemoCaller = DemoAccount | Principal;

export interface DemoResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/**
 * Loads demo data the way a real client would: through the services' HTTP APIs with demo accounts' tokens,
 * so the demo data passes the same validation, authorisation and events as real data. Steps must be
 * idempotent (the start command runs them on every start): look before you create, or send an Idempotency-Key.
 */
export class DemoClient {
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly issuer: DevIssuer,
    private readonly urls: Record<ServiceName, string>,
  ) {}

  /** By default the platform of the start command; the end-to-end test passes its own services and keys. */
  static async create(options: { urls?: Partial<Record<ServiceName, string>>; keysDir?: string } = {}): Promise<DemoClient> {
    const issuer = await DevIssuer.fromDirectory(options.keysDir ?? join(__dirname, '..', '..', '.local', 'dev-issuer'));
    return new DemoClient(issuer, { ...SERVICE_URLS, ...options.urls });
  }

  async request<T = unknown>(
    account: DemoCaller,
    service: ServiceName,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<DemoResponse<T>> {
    const response = await fetch(`${this.urls[service]}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(account)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  /** Like request, but fails the demo load on anything but the expected statuses. */
  async expect<T = unknown>(
    expected: number[],
    account: DemoCaller,
    service: ServiceName,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<DemoResponse<T>> {
    const response = await this.request<T>(account, service, method, path, body, headers);
    if (!expected.includes(response.status)) {
      throw new Error(`${method} ${service}${path} as ${nameOf(account)}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response;
  }

  /** Every item of a paged list (`{ items, nextCursor, hasMore }`), following the cursors to the last page. */
  async all<T>(account: DemoCaller, service: ServiceName, path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: DemoResponse<{ items: T[]; nextCursor: string | null }> = await this.expect([200], account, service, 'GET', `${path}${separator}limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  /** Polls until `probe` returns a value (events between services take a moment). */
  async eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`demo: timed out waiting for ${what}`);
  }

  /** A JSON file next to the steps (texts of the demo data). */
  static readData<T>(fileName: string): T {
    return JSON.parse(readFileSync(join(__dirname, 'data', fileName), 'utf8')) as T;
  }

  private async token(account: DemoCaller): Promise<string> {
    let token = this.tokens.get(nameOf(account));
    if (!token) {
      token = await this.issuer.issue(typeof account === 'string' ? DEMO_ACCOUNTS[account] : account, '1h');
      this.tokens.set(nameOf(account), token);
    }
    return token;
  }
}

export function nameOf(caller: DemoCaller): string {
  return typeof caller === 'string' ? caller : caller.subject;
}
