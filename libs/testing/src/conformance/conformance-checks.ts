import type { HostileCase } from './hostile-cases';

/*
 * The suite's verdicts as plain functions of a request and its answer, each returning what is wrong (empty: fine).
 * Plain so that the suite's own test can feed them broken answers and see that they notice.
 */

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

/** Phrases of English validation and framework messages; a Dutch problem text has none of them. */
const ENGLISH = /\b(must|should|cannot|can't|is not|are not|invalid|unexpected|error|forbidden|unauthori[sz]ed|not found|bad request|too large|payload|internal server|required|property|each value|is missing|failed|expected|unsupported)\b/i;

/** Every human-readable text of a problem response: title, detail and the field messages. */
export function problemTexts(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const problem = body as { title?: unknown; detail?: unknown; errors?: { messages?: unknown[] }[] };
  const texts = [problem.title, problem.detail, ...(problem.errors ?? []).flatMap((error) => error.messages ?? [])];
  return texts.filter((text): text is string => typeof text === 'string');
}

/** What is not Dutch in a problem response: English phrases, or no detail at all. */
export function notDutch(body: unknown): string[] {
  const texts = problemTexts(body);
  if (!texts.some((text) => text.trim().length > 0)) return ['no title or detail'];
  return texts.filter((text) => ENGLISH.test(text)).map((text) => `English text: ${JSON.stringify(text.slice(0, 120))}`);
}

/** An error answer must be application/problem+json, with its status in the body and Dutch texts. */
export function checkProblem(answer: Answer): string[] {
  const problems: string[] = [];
  const type = String(answer.headers['content-type'] ?? '');
  if (!/^application\/problem\+json/.test(type)) problems.push(`content type ${type || '(none)'}, not application/problem+json`);
  const status = (answer.body as { status?: unknown } | undefined)?.status;
  if (status !== answer.status) problems.push(`problem status ${String(status)} for HTTP ${answer.status}`);
  return [...problems, ...notDutch(answer.body)];
}

/** No answer: the server closed the connection while the request was still being sent. */
export const CONNECTION_CLOSED = 0;

/** The verdict on a hostile request's answer. */
export function checkHostileAnswer(hostile: HostileCase, answer: Answer): string[] {
  if (answer.status === CONNECTION_CLOSED) {
    // Refusing an oversized body by closing the connection is a refusal (nothing was read, so nothing stored).
    return hostile.body && 'raw' in hostile.body && hostile.body.raw.length > 1_000_000 ? [] : ['connection closed without an answer'];
  }
  if (answer.status >= 500) return [`${answer.status}: ${problemTexts(answer.body).join(' ') || 'no problem body'}`];
  if (hostile.expect === 'reject') {
    if (answer.status < 400) return [`accepted with ${answer.status}, expected a 4xx`];
    return checkProblem(answer);
  }
  if (answer.status >= 400) return checkProblem(answer);
  // Accepted: whatever the answer shows of the field must be what was sent, not something a database made of it.
  // An empty text may come back as null (no value): that is a normalisation, not a change of what was sent.
  if (hostile.echo && hostile.echo.value !== '' && answer.body && typeof answer.body === 'object' && hostile.echo.field in answer.body) {
    const shown = (answer.body as Record<string, unknown>)[hostile.echo.field];
    if (JSON.stringify(shown) !== JSON.stringify(hostile.echo.value) && hostile.echo.value !== null) {
      return [`stored ${JSON.stringify(String(JSON.stringify(shown)).slice(0, 80))}, not the text sent`];
    }
  }
  return [];
}

/** A role the route's `@Roles` leave out: refused with 403 (401 would say the token was bad). */
export function checkRoleRefused(answer: Answer): string[] {
  if (answer.status === 403) return checkProblem(answer);
  return [`answered ${answer.status} to a role the route does not allow, expected 403`];
}

/** A role the route allows, acting within its own scope: past the role check, and no 5xx. */
export function checkRoleAdmitted(answer: Answer): string[] {
  if (answer.status >= 500) return [`${answer.status}: ${problemTexts(answer.body).join(' ')}`];
  if (answer.status === 401) return ['answered 401 to a valid token'];
  if (answer.status === 403 && isRoleRefusal(answer.body)) return ['refused by the role check, though the route allows the role'];
  return answer.status >= 400 ? checkProblem(answer) : [];
}

/** The guard's refusal of a role, told apart from a use case refusing a scope. */
export function isRoleRefusal(body: unknown): boolean {
  return problemTexts(body).some((text) => /geen rol/.test(text));
}

/** Another tenant reaching a resource of the fixture's tenant: never a 2xx (403 or 404), never a 5xx. */
export function checkForeignScope(answer: Answer): string[] {
  if (answer.status >= 500) return [`${answer.status}: ${problemTexts(answer.body).join(' ')}`];
  if (answer.status < 400) return [`cross-tenant success: ${answer.status}`];
  return checkProblem(answer);
}

/** A list or "me" route another tenant calls must not show the fixture tenant's private ids. */
export function checkNoLeak(answer: Answer, privateIds: readonly string[]): string[] {
  if (answer.status >= 400 || privateIds.length === 0) return [];
  const text = JSON.stringify(answer.body ?? '');
  return privateIds.filter((id) => text.includes(id)).map((id) => `cross-tenant success: shows ${id}`);
}

/** No token on a route that is not public: 401 problem. */
export function checkAnonymousRefused(answer: Answer): string[] {
  if (answer.status === 401) return checkProblem(answer);
  return [`answered ${answer.status} without a token, expected 401`];
}
