import { ROLES, type Principal, type Role } from '@napl/auth';
import { baselineOf, isRoleRefusal, roleAllowed, urlOf, type ApiOperation } from '@napl/testing';

/*
 * The verdicts of the gateway's authorisation matrix, as plain functions of an operation, a caller and an answer, so
 * the matrix test only sends requests and prints what these say.
 */

/** One cell: what a caller got, and whether that is what the route's `x-napl-roles` and scope say. */
export type Mark = '✓' | '·' | '○' | '−' | '✗';

export const MARK_MEANING: Record<Mark, string> = {
  '✓': 'allowed (2xx, or a 4xx about the input or state)',
  '·': 'refused (401/403 by role, or 403/404 for another tenant)',
  '○': 'allowed role, refused by scope (403 not about the role: the demo account is not the owner)',
  '−': 'not sent (a change that nothing would stop, or another tenant on a resource open to everyone)',
  '✗': 'wrong',
};

export interface Verdict {
  readonly mark: Mark;
  readonly problem?: string;
}

export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** Path values of a request that addresses nothing: an allowed role's change then stops at "not found". */
const NOTHING = '00000000-0000-4000-8000-000000000000';

/**
 * Path parameters whose resource belongs to one tenant (a teacher, a school, a provider, a region): another tenant
 * must never get a 2xx on a route that has one. Routes without one address something public (a run, an offer, a
 * region, a rule version): there another tenant's 2xx is right, as long as it shows none of tenant A's private ids.
 */
export const TENANT_PARAMETERS = new Set(['enrolmentId', 'teacherPathId', 'teacherId', 'recognitionId', 'claimId', 'statementId', 'tokenId', 'assessmentId']);

/** Sub-resources of a public resource that only its owner (and national roles) may see: a path ending like these. */
export const TENANT_SUB_RESOURCES = [
  /\/regions\/\{regionId\}\/(school-locations|budgets|enrolments)/,
  /\/schools\/\{schoolId\}\/team-paths$/,
  /\/providers\/\{providerId\}\/offers$/,
  /\/evaluation-summary$/,
  /\/marks\/\{markId\}\/conditions$/,
];

/** Changes any tenant may make to a public resource: another tenant's 2xx there is no leak (not sent, as it changes state). */
export const OPEN_TO_EVERY_TENANT = [/\/runs\/\{runId\}\/enrolments$/];

export function serviceOf(operation: ApiOperation): string {
  return /^\/api\/([^/]+)\//.exec(operation.path)?.[1] ?? 'gateway';
}

function pathParameters(operation: ApiOperation): string[] {
  return operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
}

export function addressesTenant(operation: ApiOperation): boolean {
  return pathParameters(operation).some((name) => TENANT_PARAMETERS.has(name)) || TENANT_SUB_RESOURCES.some((pattern) => pattern.test(operation.path));
}

export interface MatrixRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

/** The request with tenant A's path values and schema-valid parts: what a refused role and another tenant send. */
export function addressedRequest(operation: ApiOperation, pathParams: Record<string, string>): MatrixRequest {
  const baseline = baselineOf(operation, { pathParams });
  return { method: operation.method, url: urlOf(operation, baseline.pathParams, baseline.query), body: baseline.body };
}

/**
 * What an allowed role sends to show it gets past the role check without changing anything (as the services'
 * conformance suite): a read as is; a change with an unknown field (stops at validation) or, without a body, on a
 * resource that does not exist. Undefined: a change nothing would stop (close-due, a rebuild, logout): not sent.
 */
export function ownScopeProbe(operation: ApiOperation, pathParams: Record<string, string>): MatrixRequest | undefined {
  const request = addressedRequest(operation, pathParams);
  if (operation.method === 'GET') return request;
  if (operation.body) return { ...request, body: { naplOnbekendVeld: 1 } };
  const names = pathParameters(operation);
  if (names.length === 0) return undefined;
  const baseline = baselineOf(operation, { pathParams: Object.fromEntries(names.map((name) => [name, NOTHING])) });
  return { method: operation.method, url: urlOf(operation, baseline.pathParams, baseline.query) };
}

/** Whether another tenant's request is worth sending: it addresses tenant A (path values), or lists what it may see. */
export function foreignApplies(operation: ApiOperation): boolean {
  const names = pathParameters(operation);
  if (names.length === 0) return operation.method === 'GET';
  return !(operation.method !== 'GET' && OPEN_TO_EVERY_TENANT.some((pattern) => pattern.test(operation.path)));
}

function serverError(answer: Answer): Verdict | undefined {
  return answer.status >= 500 || answer.status === 0 ? { mark: '✗', problem: `${answer.status} ${answer.text.slice(0, 160)}` } : undefined;
}

/** A role the route does not list: 403. */
export function judgeRefusedRole(answer: Answer): Verdict {
  if (answer.status === 403) return { mark: '·' };
  return { mark: '✗', problem: `answered ${answer.status} to a role the route does not list, expected 403: ${answer.text.slice(0, 160)}` };
}

/** A listed role in its own scope: never 401, never the role check's 403, never a 5xx. */
export function judgeAllowedRole(answer: Answer): Verdict {
  const broken = serverError(answer);
  if (broken) return broken;
  if (answer.status === 401) return { mark: '✗', problem: 'answered 401 to a valid token' };
  if (answer.status === 403) {
    return isRoleRefusal(parse(answer.text)) ? { mark: '✗', problem: 'refused by the role check, though the route lists the role' } : { mark: '○' };
  }
  return { mark: '✓' };
}

/**
 * Another tenant: never a 2xx on a change of tenant A's resources or on a read addressing a tenant's resource; on
 * any read never one of tenant A's private ids in the answer; never a 401 or a 5xx.
 */
export function judgeForeign(operation: ApiOperation, answer: Answer, privateIds: readonly string[]): Verdict {
  const broken = serverError(answer);
  if (broken) return broken;
  if (answer.status === 401) return { mark: '✗', problem: 'answered 401 to a valid token' };
  if (answer.status >= 400) return { mark: answer.status === 403 || answer.status === 404 ? '·' : '✓' };
  // A change to another tenant's resource (the ones open to every tenant are not sent).
  if (operation.method !== 'GET') return { mark: '✗', problem: `cross-tenant change: ${answer.status}` };
  if (addressesTenant(operation)) return { mark: '✗', problem: `cross-tenant success: ${answer.status}` };
  const leaked = privateIds.filter((id) => answer.text.includes(id));
  if (leaked.length > 0) return { mark: '✗', problem: `cross-tenant success: shows ${leaked.join(', ')}` };
  return { mark: '✓' };
}

/** No token on a route that is not public: 401. A public route: not refused. */
export function judgeAnonymous(operation: ApiOperation, answer: Answer): Verdict {
  if (operation.public) {
    const broken = serverError(answer);
    if (broken) return broken;
    return answer.status === 401 || answer.status === 403 ? { mark: '✗', problem: `public route answered ${answer.status}` } : { mark: '✓' };
  }
  return answer.status === 401 ? { mark: '·' } : { mark: '✗', problem: `answered ${answer.status} without a token, expected 401` };
}

export { roleAllowed };

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface MatrixRow {
  readonly operation: ApiOperation;
  anonymous: Mark;
  readonly own: Partial<Record<Role, Mark>>;
  readonly foreign: Partial<Record<Role, Mark>>;
}

/** The table: a row per route, a column per role with its own and another tenant's mark, and a column without a token. */
export function renderTable(rows: readonly MatrixRow[], foreignRoles: ReadonlySet<Role>): string {
  const width = Math.max(...rows.map((row) => row.operation.key.length));
  const header = `${'route'.padEnd(width)}  anon  ${ROLES.map((role) => role.slice(0, 6).padEnd(6)).join(' ')}`;
  const note = `${''.padEnd(width)}        ${ROLES.map((role) => (foreignRoles.has(role) ? 'own fo' : 'own   ')).join(' ')}`;
  const lines = rows.map((row) => {
    const cells = ROLES.map((role) => `${row.own[role] ?? ' '}   ${foreignRoles.has(role) ? (row.foreign[role] ?? ' ') : ' '} `.padEnd(6));
    return `${row.operation.key.padEnd(width)}   ${row.anonymous}    ${cells.join(' ')}`;
  });
  const legend = Object.entries(MARK_MEANING).map(([mark, meaning]) => `  ${mark} ${meaning}`);
  return [header, note, ...lines, 'legend:', ...legend].join('\n');
}

/** How many cells carry each mark. */
export function totalsOf(rows: readonly MatrixRow[]): Record<Mark, number> {
  const totals: Record<Mark, number> = { '✓': 0, '·': 0, '○': 0, '−': 0, '✗': 0 };
  for (const row of rows) {
    totals[row.anonymous] += 1;
    for (const mark of [...Object.values(row.own), ...Object.values(row.foreign)]) totals[mark] += 1;
  }
  return totals;
}

export type PrincipalsByRole = Partial<Record<Role, Principal>>;
