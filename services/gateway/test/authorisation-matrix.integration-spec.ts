import { DEMO_ACCOUNTS, DEMO_IDS, ROLES, type Principal, type Role } from '@napl/auth';
import { DEFAULT_FOREIGN, DEFAULT_OWN, operationsOf, type ApiOperation } from '@napl/testing';
// The demo loader is a script, not a lib: the matrix loads the same data the start command does, through the gateway.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DemoClient } from '../../../tools/demo/demo-client';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadDemoData } from '../../../tools/demo/load-demo-data';
import {
  addressedRequest,
  foreignApplies,
  judgeAllowedRole,
  judgeAnonymous,
  judgeForeign,
  judgeRefusedRole,
  ownScopeProbe,
  renderTable,
  roleAllowed,
  serviceOf,
  totalsOf,
  type Answer,
  type MatrixRequest,
  type MatrixRow,
  type Verdict,
} from './support/authorisation-matrix';
import { PLATFORM_SERVICES, startPlatform, type PlatformProcesses } from './support/platform-processes';

const PARALLEL = 6;

/**
 * Issue #15's authorisation matrix: every route of the one API document × every role × the role's own tenant and
 * another, through the gateway, in front of every service (compiled, as processes, on one database and topics),
 * with the demo data loaded through the gateway. The routes and who may call them come from the merged document's
 * `x-napl-roles` at run time, so a new or renamed route is covered without a change here. Hostile input is left to
 * each service's own conformance suite.
 */
describe('gateway: the authorisation matrix of the whole public API', () => {
  let platform: PlatformProcesses;
  let operations: ApiOperation[];
  /** Path values of tenant A (the demo accounts' resources), per service and parameter name. */
  let pathValues: Record<string, Record<string, string>>;
  let privateIds: string[];
  /** Tenant A's principal per role, and another tenant's for every role with a scope. */
  let own: Record<Role, Principal>;
  let foreignOf: Partial<Record<Role, Principal>>;
  const tokens = new Map<Principal, Promise<string>>();

  beforeAll(async () => {
    platform = await startPlatform({ RATE_LIMITS: 'off' });
    const gateway = platform.gateway;
    // The demo data goes in through the gateway too, as a client of the public API would send it.
    const client = await DemoClient.create({
      keysDir: gateway.keysDir,
      urls: Object.fromEntries(PLATFORM_SERVICES.map((service) => [service, `${gateway.url}/api/${service}`])),
    });
    await loadDemoData(client);
    const document = (await (await fetch(`${gateway.url}/docs/api/openapi.json`)).json()) as Parameters<typeof operationsOf>[0] & { info?: Record<string, unknown> };
    if (document.info?.['x-napl-missing-services']) throw new Error(`services missing from the API document: ${JSON.stringify(document.info['x-napl-missing-services'])}`);
    operations = operationsOf(document);
    ({ pathValues, privateIds, own, foreign: foreignOf } = await tenantA(gateway.url, (principal) => tokenOf(principal)));
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  function tokenOf(principal: Principal): Promise<string> {
    if (!tokens.has(principal)) tokens.set(principal, platform.gateway.tokenFor(principal));
    return tokens.get(principal)!;
  }

  async function send(request: MatrixRequest, principal?: Principal): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (principal) headers.authorization = `Bearer ${await tokenOf(principal)}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${platform.gateway.url}${request.url}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      return { status: 0, text: String(error) };
    }
  }

  it('lets every role do what x-napl-roles allow and nothing else, and no tenant reach another tenant’s resources', async () => {
    const started = Date.now();
    const rows: MatrixRow[] = operations.map((operation) => ({ operation, anonymous: '−', own: {}, foreign: {} }));
    const problems: string[] = [];
    const foreignRoles = new Set(ROLES.filter((role) => foreignOf[role]));
    const work: (() => Promise<void>)[] = [];
    const scopeRefusals: string[] = [];
    const record = (row: MatrixRow, who: string, verdict: Verdict): Verdict => {
      if (verdict.problem) problems.push(`${row.operation.key} | ${who} | ${verdict.problem}`);
      if (verdict.mark === '○') scopeRefusals.push(`${row.operation.key} | ${who}`);
      return verdict;
    };

    for (const row of rows) {
      const { operation } = row;
      const values = pathValues[serviceOf(operation)] ?? {};
      const addressed = addressedRequest(operation, values);
      work.push(async () => {
        row.anonymous = record(row, 'no token', judgeAnonymous(operation, await send(operation.public ? ownScopeProbe(operation, values) ?? addressed : addressed))).mark;
      });
      if (operation.public) continue;
      for (const role of ROLES) {
        const foreign = foreignOf[role];
        if (!roleAllowed(operation, role)) {
          work.push(async () => {
            row.own[role] = record(row, `${role}, own`, judgeRefusedRole(await send(addressed, own[role]))).mark;
          });
          if (foreign) {
            work.push(async () => {
              row.foreign[role] = record(row, `${role}, foreign`, judgeRefusedRole(await send(addressed, foreign))).mark;
            });
          }
          continue;
        }
        const probe = ownScopeProbe(operation, values);
        if (probe) {
          work.push(async () => {
            row.own[role] = record(row, `${role}, own`, judgeAllowedRole(await send(probe, own[role]))).mark;
          });
        } else row.own[role] = '−';
        if (!foreign) continue;
        if (foreignApplies(operation)) {
          work.push(async () => {
            row.foreign[role] = record(row, `${role}, foreign ${scopeOf(foreign)}`, judgeForeign(operation, await send(addressed, foreign), privateIds)).mark;
          });
        } else row.foreign[role] = '−';
      }
    }
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < work.length) await work[next++]();
    }));

    const totals = totalsOf(rows);
    process.stdout.write(
      `\n[authorisation-matrix] ${operations.length} routes, ${work.length} requests through the gateway in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `${renderTable(rows, foreignRoles)}\n` +
        `totals: ${Object.entries(totals).map(([mark, count]) => `${mark} ${count}`).join(', ')}\n` +
        `tenant A's path values: ${JSON.stringify(pathValues)}\n` +
        (scopeRefusals.length > 0 ? `listed roles refused by scope (○):\n${scopeRefusals.map((refusal) => `  ${refusal}`).join('\n')}\n` : '') +
        (problems.length > 0 ? `wrong:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n` : ''),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(PLATFORM_SERVICES.every((service) => operations.some((operation) => serviceOf(operation) === service))).toBe(true);
    expect(problems).toEqual([]);
  }, 180_000);
});

function scopeOf(principal: Principal): string {
  return principal.providerId ?? principal.regionId ?? principal.teacherId ?? principal.schoolId ?? principal.subject;
}

/** The first string under one of `keys` anywhere in `value` (depth first): ids without depending on a DTO's shape. */
function findValue(value: unknown, keys: readonly string[]): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findValue(item, keys);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  for (const key of keys) {
    const own = (value as Record<string, unknown>)[key];
    if (typeof own === 'string' || typeof own === 'number') return String(own);
  }
  for (const inner of Object.values(value)) {
    const found = findValue(inner, keys);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every string under one of `keys` anywhere in `value`. */
function findAll(value: unknown, keys: readonly string[], into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => findAll(item, keys, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (keys.includes(key) && typeof inner === 'string') into.push(inner);
      else findAll(inner, keys, into);
    }
  }
  return into;
}

/**
 * Tenant A's path values, read through the gateway from what the demo data made: Hanze's offer, run, assessment,
 * mark and API token; Anne's enrolment, teacher path and recognition; Utrecht Stad's claim, statement and enrolment.
 * A value it cannot find is left out, and the route then gets a made-up one (a 404 for the allowed roles): a renamed
 * field narrows the test, it does not break it. Also the ids no other tenant may see in any answer.
 */
async function tenantA(
  gatewayUrl: string,
  tokenOf: (principal: Principal) => Promise<string>,
): Promise<{ pathValues: Record<string, Record<string, string>>; privateIds: string[]; own: Record<Role, Principal>; foreign: Partial<Record<Role, Principal>> }> {
  const call = async (principal: Principal, method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(principal)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.ok ? response.json() : undefined;
  };
  const get = (principal: Principal, path: string) => call(principal, 'GET', path);
  const { teacher: anne, region: utrecht, ministry } = DEFAULT_OWN;
  const year = String(new Date().getUTCFullYear());

  const enrolments = await get(anne, '/api/enrolments/v1/enrolments');
  const runId = findValue(enrolments, ['runId']);
  const enrolmentId = findValue(enrolments, ['enrolmentId']);
  const run = runId ? await get(anne, `/api/catalogue/v1/runs/${runId}`) : undefined;
  const offerId = findValue(run, ['offerId']);
  // Tenant A's provider is the one whose run Anne enrolled in (the demo picks a run by its start date); the other
  // demo provider is the foreign one.
  const windesheimRun = findValue(run, ['providerId']) === DEMO_IDS.providerWindesheim;
  const hanze = windesheimRun ? DEMO_ACCOUNTS['opleider-windesheim'] : DEMO_ACCOUNTS['opleider-hanze'];
  const providerId = hanze.providerId!;
  const own = { ...DEFAULT_OWN, provider: hanze };
  const foreign = { ...DEFAULT_FOREIGN, provider: windesheimRun ? DEMO_ACCOUNTS['opleider-hanze'] : DEMO_ACCOUNTS['opleider-windesheim'] };
  const assessments = await get(hanze, '/api/quality/v1/assessments');
  const marks = await get(ministry, `/api/quality/v1/marks?providerId=${providerId}`);
  const framework = await get(anne, '/api/quality/v1/frameworks/current');
  const teacherPaths = await get(anne, '/api/paths/v1/teacher-paths');
  const teacherPathId = findValue(teacherPaths, ['teacherPathId']);
  const stepCode = findValue(teacherPaths, ['code', 'stepCode']);
  const step = teacherPathId && stepCode ? await get(anne, `/api/paths/v1/teacher-paths/${teacherPathId}/steps/${stepCode}`) : undefined;
  const claims = await get(utrecht, '/api/reimbursement/v1/claims');
  const statements = await get(utrecht, '/api/reimbursement/v1/statements');
  const regionEnrolments = await get(utrecht, `/api/reimbursement/v1/regions/${DEMO_IDS.regionUtrechtStad}/enrolments`);
  const tranches = await get(ministry, '/api/reimbursement/v1/budget/tranches');
  const rules = await get(anne, '/api/reimbursement/v1/rules');
  const token = await call(hanze, 'POST', '/v1/api-tokens', { name: 'Autorisatiematrix', permissions: ['catalogue:read'] });

  const defined = (values: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const pathValues = {
    gateway: defined({ tokenId: findValue(token, ['id', 'tokenId']) }),
    catalogue: defined({ providerId, offerId, runId, version: '1' }),
    quality: defined({
      providerId,
      offerId,
      assessmentId: findValue(assessments, ['assessmentId', 'id']),
      markId: findValue(marks, ['markId', 'id']),
      version: findValue(framework, ['version']),
      assessorSubject: 'demo-beoordelaar-1',
    }),
    enrolments: defined({ runId, enrolmentId, teacherId: DEMO_IDS.teacherAnne, schoolId: anne.schoolId }),
    paths: defined({
      pathId: findValue(teacherPaths, ['pathId']),
      version: findValue(teacherPaths, ['version']),
      teacherPathId,
      stepCode,
      recognitionId: findValue(step, ['recognitionId']),
      schoolId: anne.schoolId,
      teacherId: DEMO_IDS.teacherAnne,
    }),
    reimbursement: defined({
      regionId: DEMO_IDS.regionUtrechtStad,
      schoolId: anne.schoolId,
      year,
      code: findValue(tranches, ['code']),
      version: findValue(rules, ['version']),
      enrolmentId: findValue(regionEnrolments, ['enrolmentId']),
      claimId: findValue(claims, ['claimId']),
      statementId: findValue(statements, ['statementId']),
    }),
    monitoring: {},
  };
  const privateIds = [
    ...findAll(enrolments, ['enrolmentId']),
    ...findAll(teacherPaths, ['teacherPathId']),
    ...findAll(claims, ['claimId']),
    ...findAll(statements, ['statementId']),
    ...findAll(token, ['id']),
    DEMO_IDS.teacherAnne,
  ].filter((id, index, all) => all.indexOf(id) === index);
  return { pathValues, privateIds, own, foreign };
}
