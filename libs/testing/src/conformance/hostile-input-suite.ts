import { appendFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, ROLES, type Principal, type Role } from '@napl/auth';
import type { ServiceConfig } from '@napl/service-kit';
import type { TestService } from '../service-harness';
import {
  checkAnonymousRefused,
  checkForeignScope,
  checkHostileAnswer,
  checkNoLeak,
  checkRoleAdmitted,
  checkRoleRefused,
  CONNECTION_CLOSED,
  type Answer,
} from './conformance-checks';
import { baselineOf, hostileCasesOf, urlOf, type HostileCase, type RequestBaseline } from './hostile-cases';
import { runReportDirectory } from './personal-data-scan';
import { openApiDocumentOf, operationsOf, roleAllowed, type ApiOperation } from './openapi-operations';

/**
 * Resources of one tenant (tenant A) that a service's suite creates, so that the hostile requests reach the
 * service's own rules and the authorisation matrix can try them from another tenant.
 */
export interface TenantFixture {
  /** Path parameter values, by name, that address existing resources of tenant A (offerId, runId, ...). */
  readonly pathParams?: Record<string, string>;
  /** Per role, the principal of tenant A (owner of the resources); defaults to the demo accounts. */
  readonly own?: Partial<Record<Role, Principal>>;
  /** Per role, a principal of another tenant; defaults: another provider, teacher, school and region. */
  readonly foreign?: Partial<Record<Role, Principal>>;
  /** Valid bodies by operation (`POST /v1/offers/{offerId}/runs`), so mutations reach past the other fields. */
  readonly bodies?: Record<string, unknown>;
  /** Operations whose resource any signed-in role may read or do, with the reason: no cross-tenant check. */
  readonly shared?: Record<string, string>;
  /** Operations without path parameters whose body (in `bodies`) addresses a resource of tenant A: tried from another tenant too. */
  readonly bodyAddressed?: readonly string[];
  /** Ids of tenant A that no other tenant may see in any answer (lists, "me" routes). */
  readonly privateIds?: readonly string[];
  /** The role that sends the hostile requests to an operation; default: the first of its `@Roles`, else admin. */
  readonly actAs?: Record<string, Role>;
  /**
   * Tables whose rows background work changes on its own (a scheduler): compared by row count only, with the
   * reason. Outbox and migrations tables are always compared by count; tables only events write are not compared.
   */
  readonly countOnlyTables?: Record<string, string>;
  /**
   * Tables that record every request, refused ones included (an audit log, rate-limit windows), with the reason: left
   * out of "nothing stored", since writing them is their job.
   */
  readonly requestLogTables?: Record<string, string>;
}

export type TenantFixtureFactory<C extends ServiceConfig> = (running: TestService<C>) => Promise<TenantFixture>;

/** Tenant A: the demo accounts. */
export const DEFAULT_OWN: Record<Role, Principal> = {
  teacher: DEMO_ACCOUNTS['docent-anne'],
  'school-leader': DEMO_ACCOUNTS['schoolleider-utrecht'],
  provider: DEMO_ACCOUNTS['opleider-hanze'],
  assessor: DEMO_ACCOUNTS['beoordelaar-1'],
  region: DEMO_ACCOUNTS['regio-utrecht-stad'],
  ministry: DEMO_ACCOUNTS['ministerie-ocw'],
  admin: DEMO_ACCOUNTS.beheerder,
};

/** Another tenant for every role with a scope; ministry, admin and assessors work nationally. */
export const DEFAULT_FOREIGN: Partial<Record<Role, Principal>> = {
  teacher: DEMO_ACCOUNTS['docent-bram'],
  'school-leader': { subject: 'conformance-schoolleider-elders', roles: ['school-leader'], schoolId: '99ZZ00' },
  provider: DEMO_ACCOUNTS['opleider-windesheim'],
  region: { subject: 'conformance-regio-elders', roles: ['region'], regionId: 'haaglanden' },
};

/** What the suite did for one service: the figures its summary line prints. */
export interface SuiteFigures {
  service: string;
  routes: number;
  requests: number;
  serverErrors: number;
  crossTenantRequests: number;
  crossTenantSuccesses: number;
  failures: string[];
  millis: number;
  /** The slowest requests, for when the suite gets slow. */
  slowest: string[];
}

/**
 * Tables only events write (the inbox, dead letters, the platform test's probe): the consumer may still be taking in
 * the fixture's events while the batch runs, and no HTTP request writes them. Not compared.
 */
const EVENT_ONLY = /processed_event|inbox|dead_letter|parked|conformance_probe/;
/** Tables the outbox relay and migrations touch on their own: compared by row count (a rejected request adds none). */
const COUNT_ONLY = /outbox|migrations/;
const PARALLEL = 8;
const SUITE_TIMEOUT_MS = 600_000;
/** Path values for a role's own-scope call of a route that changes something: addresses nothing. */
const NOTHING = '00000000-0000-4000-8000-000000000000';

/**
 * Runs the suite's three batches against one running service and keeps the figures. The jest suite below drives it;
 * the suite's own test drives it against a deliberately broken service, to see that it notices.
 */
export class HostileInputRunner {
  readonly figures: SuiteFigures;
  private readonly tokens = new Map<Principal, Promise<string>>();

  private constructor(
    private readonly running: TestService<ServiceConfig>,
    readonly operations: ApiOperation[],
    readonly fixture: TenantFixture,
  ) {
    this.figures = { service: '', routes: operations.length, requests: 0, serverErrors: 0, crossTenantRequests: 0, crossTenantSuccesses: 0, failures: [], millis: 0, slowest: [] };
  }

  /** Reads the service's OpenAPI document from the running app and creates tenant A's resources. */
  static async start<C extends ServiceConfig>(service: string, running: TestService<C>, fixtureFactory?: TenantFixtureFactory<C>): Promise<HostileInputRunner> {
    // supertest listens anew for each request on a server that does not listen yet, and closes it after: parallel
    // requests would then cut each other off. One listener for the whole suite.
    const server = running.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const operations = operationsOf(openApiDocumentOf(running));
    const fixture = fixtureFactory ? await fixtureFactory(running) : {};
    const runner = new HostileInputRunner(running as unknown as TestService<ServiceConfig>, operations, fixture);
    runner.figures.service = service;
    return runner;
  }

  /** The figures as one line: routes covered, requests sent, 5xx seen, cross-tenant requests and successes. */
  summary(): string {
    const { figures } = this;
    return (
      `[hostile-input] ${figures.service}: routes covered ${figures.routes}, requests sent ${figures.requests}, ` +
      `5xx seen ${figures.serverErrors}, cross-tenant requests ${figures.crossTenantRequests}, cross-tenant successes ${figures.crossTenantSuccesses}, ` +
      `failures ${figures.failures.length} (${(figures.millis / 1000).toFixed(1)} s of requests)`
    );
  }

  /**
   * Every route × every role (own scope) × no token, and every role with a scope × a foreign scope on the routes
   * that address tenant A's resources. Returns the failures it found.
   */
  async authorisationMatrix(): Promise<string[]> {
    const before = this.figures.failures.length;
    for (const operation of this.operations.filter((candidate) => !candidate.public)) {
      const known = this.baseline(operation);
      const request = { method: operation.method, url: urlOf(operation, known.pathParams, known.query), headers: {}, body: known.body === undefined ? undefined : { json: known.body } };
      this.fail(operation.key, 'no token', checkAnonymousRefused(await this.send(request)));
      for (const role of ROLES) {
        if (!roleAllowed(operation, role)) {
          this.fail(operation.key, `role ${role}`, checkRoleRefused(await this.send(request, this.ownOf(role))));
          continue;
        }
        const admitted = ownScopeProbe(operation, known);
        if (admitted) this.fail(operation.key, `role ${role}, own scope`, checkRoleAdmitted(await this.send(admitted, this.ownOf(role))));
        const foreign = this.foreignOf(role);
        if (!foreign || this.fixture.shared?.[operation.key]) continue;
        const pathNames = operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
        const addressed = pathNames.length > 0 ? pathNames.every((name) => this.fixture.pathParams?.[name] !== undefined) : this.fixture.bodyAddressed?.includes(operation.key);
        if (addressed) {
          this.figures.crossTenantRequests += 1;
          this.fail(operation.key, `role ${role}, foreign scope ${scopeOf(foreign)}`, checkForeignScope(await this.send(request, foreign)));
        } else if (pathNames.length === 0 && operation.method === 'GET') {
          this.figures.crossTenantRequests += 1;
          this.fail(operation.key, `role ${role}, foreign scope ${scopeOf(foreign)}`, checkNoLeak(await this.send(request, foreign), this.fixture.privateIds ?? []));
        }
      }
    }
    return this.figures.failures.slice(before);
  }

  /** Deliberately invalid input on every route: a Dutch 4xx problem, never a 5xx, and no table changed. */
  async rejectedInput(): Promise<string[]> {
    const before = this.figures.failures.length;
    const cases = this.routes().flatMap((operation) => hostileCasesOf(operation, this.baseline(operation)).map((hostile) => ({ hostile, operation })));
    const snapshot = await tableSnapshot(this.running, this.fixture.countOnlyTables ?? {}, this.fixture.requestLogTables ?? {});
    const timings: [number, string][] = [];
    await inParallel(
      cases.filter(({ hostile }) => hostile.expect === 'reject'),
      async ({ hostile, operation }) => {
        const started = Date.now();
        this.fail(hostile.operation, hostile.label, checkHostileAnswer(hostile, await this.send(hostile, this.ownOf(this.actingRole(operation)))));
        timings.push([Date.now() - started, `${hostile.operation} | ${hostile.label}`]);
      },
    );
    this.figures.slowest = timings.sort(([a], [b]) => b - a).slice(0, 5).map(([ms, what]) => `${ms} ms ${what}`);
    const changed = diffSnapshots(snapshot, await tableSnapshot(this.running, this.fixture.countOnlyTables ?? {}, this.fixture.requestLogTables ?? {}));
    this.fail('(all routes)', 'nothing stored by rejected input', changed.map((table) => `table ${table} changed`));
    return this.figures.failures.slice(before);
  }

  /** Input that may be valid (injections in free text, null for optional fields): no 5xx, text kept verbatim. */
  async acceptableInput(): Promise<string[]> {
    const before = this.figures.failures.length;
    for (const operation of this.routes()) {
      for (const hostile of hostileCasesOf(operation, this.baseline(operation)).filter((candidate) => candidate.expect === 'survive')) {
        this.fail(hostile.operation, hostile.label, checkHostileAnswer(hostile, await this.send(hostile, this.ownOf(this.actingRole(operation)))));
      }
    }
    return this.figures.failures.slice(before);
  }

  private routes(): ApiOperation[] {
    return this.operations.filter((operation) => !operation.public);
  }

  private ownOf(role: Role): Principal {
    return this.fixture.own?.[role] ?? DEFAULT_OWN[role];
  }

  private foreignOf(role: Role): Principal | undefined {
    return { ...DEFAULT_FOREIGN, ...this.fixture.foreign }[role];
  }

  private actingRole(operation: ApiOperation): Role {
    return this.fixture.actAs?.[operation.key] ?? operation.roles?.[0] ?? 'admin';
  }

  private baseline(operation: ApiOperation): RequestBaseline {
    return baselineOf(operation, { pathParams: this.fixture.pathParams ?? {}, body: this.fixture.bodies?.[operation.key] });
  }

  private tokenOf(principal: Principal): Promise<string> {
    if (!this.tokens.has(principal)) this.tokens.set(principal, this.running.tokenFor(principal));
    return this.tokens.get(principal)!;
  }

  private fail(operation: string, what: string, problems: string[]): void {
    for (const problem of problems) {
      if (problem.startsWith('cross-tenant success')) this.figures.crossTenantSuccesses += 1;
      this.figures.failures.push(`${operation} | ${what} | ${problem}`);
    }
  }

  private async send(request: Omit<HostileCase, 'operation' | 'label' | 'expect'>, principal?: Principal): Promise<Answer> {
    const started = Date.now();
    const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let test = this.running.http()[method](request.url).set(request.headers);
    if (principal) test = test.set('Authorization', `Bearer ${await this.tokenOf(principal)}`);
    if (request.body) {
      const [raw, contentType] = 'json' in request.body ? [JSON.stringify(request.body.json) ?? '', 'application/json'] : [request.body.raw, request.body.contentType];
      test = test.set('Content-Type', contentType).send(raw);
    }
    this.figures.requests += 1;
    try {
      const response = await test;
      if (response.status >= 500) this.figures.serverErrors += 1;
      return { status: response.status, headers: response.headers, body: response.body };
    } catch (error) {
      // The server may answer and close before it has read all of an oversized body: the client sees the reset.
      const code = (error as { code?: string }).code;
      if (code === 'ECONNRESET' || code === 'EPIPE') return { status: CONNECTION_CLOSED, headers: {}, body: undefined };
      throw error;
    } finally {
      this.figures.millis += Date.now() - started;
    }
  }
}

/**
 * For every route in the service's OpenAPI document: hostile and malformed input (a 4xx problem in Dutch, never a
 * 5xx, nothing stored) and an authorisation matrix (every role, with its own and a foreign scope). New routes are
 * covered without a new test: the suite reads the document.
 */
export function describeHostileInputSuite<C extends ServiceConfig>(
  service: string,
  getRunning: () => TestService<C>,
  fixtureFactory?: TenantFixtureFactory<C>,
): void {
  describe(`${service}: every route against hostile input and every role`, () => {
    let runner: HostileInputRunner | undefined;

    beforeAll(async () => {
      runner = await HostileInputRunner.start(service, getRunning(), fixtureFactory);
    }, SUITE_TIMEOUT_MS);

    afterAll(() => {
      if (!runner) return;
      process.stdout.write(`\n${runner.summary()}\n`);
      recordFigures({ ...runner.figures, operations: runner.operations.map((operation) => `${operation.key} ${operation.public ? 'public' : (operation.roles ?? ['*']).join(',')}`) });
    });

    it('documents who may call every route, and keeps health public', () => {
      expect(runner!.operations.length).toBeGreaterThan(0);
      expect(runner!.operations.filter((operation) => operation.path.startsWith('/health')).every((operation) => operation.public)).toBe(true);
    });

    it("lets every role do what its routes allow and nothing else, and no tenant reach another's resources", async () => {
      expect(await runner!.authorisationMatrix()).toEqual([]);
    }, SUITE_TIMEOUT_MS);

    it('refuses hostile and malformed input with a Dutch 4xx problem, never a 5xx, and stores nothing', async () => {
      expect(await runner!.rejectedInput()).toEqual([]);
    }, SUITE_TIMEOUT_MS);

    it('answers input that may be valid (injections in free text, null for optional fields) without a 5xx, storing text verbatim', async () => {
      expect(await runner!.acceptableInput()).toEqual([]);
    }, SUITE_TIMEOUT_MS);
  });
}

/**
 * The request by which an allowed role shows it gets past the role check without changing anything: a read as is;
 * a change with an invalid body (stops at validation) or, without a body, on a resource that does not exist.
 */
function ownScopeProbe(operation: ApiOperation, known: RequestBaseline): Omit<HostileCase, 'operation' | 'label' | 'expect'> | undefined {
  if (operation.method === 'GET') return { method: 'GET', url: urlOf(operation, known.pathParams, known.query), headers: {} };
  if (operation.body) return { method: operation.method, url: urlOf(operation, known.pathParams, known.query), headers: {}, body: { json: { naplOnbekendVeld: 1 } } };
  const paths = operation.parameters.filter((parameter) => parameter.in === 'path');
  if (paths.length === 0) return undefined; // a change with nothing to stop it: not sent
  return { method: operation.method, url: urlOf(operation, Object.fromEntries(paths.map((parameter) => [parameter.name, NOTHING])), known.query), headers: {} };
}

function scopeOf(principal: Principal): string {
  return principal.providerId ?? principal.regionId ?? principal.teacherId ?? principal.schoolId ?? principal.subject;
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Per table of the service's schema: its row count and, where nothing changes rows on its own, a checksum of them. */
export async function tableSnapshot(
  running: TestService<ServiceConfig>,
  countOnly: Record<string, string>,
  requestLogs: Record<string, string> = {},
): Promise<Map<string, string>> {
  const tables: { name: string }[] = await running.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const snapshot = new Map<string, string>();
  for (const { name } of tables.filter((table) => !EVENT_ONLY.test(table.name) && !(table.name in requestLogs))) {
    const onlyCount = COUNT_ONLY.test(name) || name in countOnly;
    const [row] = await running.dataSource.query(
      onlyCount
        ? `SELECT count(*)::text AS state FROM "${name}"`
        : `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS state FROM "${name}" t`,
    );
    snapshot.set(name, row.state);
  }
  return snapshot;
}

export function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table));
}

/** Appends a service's figures to the run's report, which the test command sums up at the end. */
function recordFigures(figures: SuiteFigures & { operations?: string[] }): void {
  appendFileSync(join(runReportDirectory(), 'hostile-input.jsonl'), `${JSON.stringify({ ...figures, failures: figures.failures })}\n`);
}
