import type { Page } from 'playwright-core';

/** A form found on a portal page: where it sends, how, and its named fields with the values the page gave them. */
export interface FoundForm {
  /** The page it was found on. */
  readonly page: string;
  readonly action: string;
  readonly method: 'get' | 'post';
  readonly fields: readonly { name: string; type: string; value: string }[];
}

/** Paths a crawl never follows: signing out, the API, the sign-in, the assets, and downloads. */
const NOT_CRAWLED = /^\/(afmelden|auth|api|assets|docs|v1|health|metrics)(\/|$)/;

/**
 * Every form a signed-in user meets from the start page: the menu's pages and the pages they link to (one step on),
 * up to `maxPages`, read in the browser tab itself (with its session). `onPage` sees each page as it is loaded.
 */
export async function crawlForms(
  page: Page,
  baseUrl: string,
  onPage: (path: string) => Promise<void> = async () => undefined,
  maxPages = 25,
): Promise<{ pages: string[]; forms: FoundForm[] }> {
  await page.goto(`${baseUrl}/`);
  const menu = await linksOn(page, 'nav[aria-label="Hoofdmenu"] a');
  const visited = new Set<string>(['/']);
  const queue = [...menu];
  const forms: FoundForm[] = [];
  for (let depth = 0; depth < 2 && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const path of queue.splice(0)) {
      if (visited.has(path) || visited.size >= maxPages || NOT_CRAWLED.test(path)) continue;
      visited.add(path);
      const response = await page.goto(`${baseUrl}${path}`);
      if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      await onPage(path);
      forms.push(...(await formsOn(page, path)));
      if (depth === 0) next.push(...(await linksOn(page, 'main a')));
    }
    queue.push(...next);
  }
  return { pages: [...visited], forms: dedupe(forms) };
}

async function linksOn(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.$$eval(selector, (links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.filter((href) => href.startsWith('/') && !href.startsWith('//')).map((href) => href.split('#')[0]);
}

async function formsOn(page: Page, path: string): Promise<FoundForm[]> {
  // Runs in the browser; the project's TypeScript has no DOM types, so the elements are described as used.
  interface FieldElement {
    tagName: string;
    value: string;
    getAttribute(name: string): string | null;
  }
  interface FormElement {
    getAttribute(name: string): string | null;
    querySelectorAll(selector: string): ArrayLike<FieldElement>;
  }
  const found = await page.$$eval('main form', (elements) =>
    (elements as unknown as FormElement[]).map((form) => ({
      action: form.getAttribute('action') ?? '',
      method: (form.getAttribute('method') ?? 'get').toLowerCase(),
      fields: Array.from(form.querySelectorAll('input[name], select[name], textarea[name]')).map((field) => ({
        name: field.getAttribute('name') ?? '',
        type: field.tagName.toLowerCase() === 'input' ? (field.getAttribute('type') ?? 'text') : field.tagName.toLowerCase(),
        value: field.value,
      })),
    })),
  );
  return found
    .filter((form) => form.action.startsWith('/') && !NOT_CRAWLED.test(form.action))
    .map((form) => ({ page: path, action: form.action, method: form.method === 'post' ? 'post' : 'get', fields: form.fields }));
}

/** One form per action and method (the same form on many pages, or per row of a table, is one target). */
function dedupe(forms: readonly FoundForm[]): FoundForm[] {
  const byTarget = new Map<string, FoundForm>();
  for (const form of forms) {
    const target = `${form.method} ${form.action.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')}`;
    if (!byTarget.has(target)) byTarget.set(target, form);
  }
  return [...byTarget.values()];
}

export const SCRIPT_PROBE = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';

/**
 * Hostile versions of a form's input, every field at once: empty, very long, markup, repeated (an array), and values
 * that break naive parsing (numbers out of range, impossible dates, path tricks, control characters). Hidden fields
 * are replaced too (ids become garbage), so no variant can act on real data as the form would; the session's CSRF
 * token stays, so the request reaches the page's own checks.
 */
export function hostileVariants(form: FoundForm): { name: string; body: [string, string][] }[] {
  const csrf = form.fields.find((field) => field.name === '_csrf')?.value;
  const names = [...new Set(form.fields.map((field) => field.name).filter((name) => name !== '_csrf'))];
  const withCsrf = (pairs: [string, string][]): [string, string][] => (csrf ? [['_csrf', csrf], ...pairs] : pairs);
  const every = (value: string): [string, string][] => names.map((name) => [name, value]);
  return [
    { name: 'empty', body: withCsrf(every('')) },
    // Within what a URL may carry for a search form (Node refuses request heads over 16 kB), far over it for a post.
    { name: 'long', body: withCsrf(every('x'.repeat(form.method === 'get' ? 1_000 : 20_000))) },
    { name: 'markup', body: withCsrf(every(SCRIPT_PROBE)) },
    { name: 'repeated', body: withCsrf(names.flatMap((name): [string, string][] => [[name, 'a'], [name, 'b']])) },
    { name: 'numbers', body: withCsrf(every('1e309')) },
    { name: 'negative', body: withCsrf(every('-1')) },
    { name: 'dates', body: withCsrf(every('2027-02-30')) },
    { name: 'path', body: withCsrf(every('../../../etc/passwd%00')) },
    { name: 'control', body: withCsrf(every('\u0000\u202e\ufeff')) },
    { name: 'unknown fields', body: withCsrf([['__proto__', 'x'], ['constructor', 'y'], ...every('1')]) },
  ];
}
