import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DEMO_ACCOUNTS } from '@napl/auth';

/** Debian's chromium package (the test command installs it when it is missing); CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Every page's screenshot, per run; the README's pictures are copied from here (tools/portal-screenshots.sh). */
export const SCREENSHOT_DIR = join(__dirname, '../../../../.local/screenshots/portal');

// The machine's network is closed: without these, chromium keeps trying to reach Google's services.
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: the test command installs Debian's chromium package (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
}

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

/** What a page did wrong in the browser: console errors, a blocked resource (CSP), a failed request. */
export interface PageProblems {
  readonly problems: string[];
}

/**
 * A browser context signed in through the real sign-in: the gateway's /auth/login, the development issuer's page
 * (a button per demo account), the callback, the session cookie. Console errors and content-security-policy
 * violations are collected in `problems`.
 */
export async function signedInContext(browser: Browser, gatewayUrl: string, account: DemoAccount): Promise<{ context: BrowserContext; page: Page } & PageProblems> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A resource that failed is recorded below with its address; a page answered with 400 or 422 on purpose (a
    // refused form with its error summary) is not a problem, though chromium logs it as one.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script: ${error.message}`));
  page.on('response', (response) => {
    // A page may answer 4xx on purpose (a refused form: 400 or 422 with its error summary); its resources may not.
    if (response.status() >= 400 && response.request().resourceType() !== 'document') problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${gatewayUrl}/auth/login?returnTo=%2F`);
  await page.locator(`button[name="account"][value="${account}"]`).click();
  await page.waitForURL(`${gatewayUrl}/`);
  // What the issuer's own page did (it asks for a favicon it does not have) is not the portal's.
  problems.length = 0;
  return { context, page, problems };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { target: unknown[] }[];
}

/**
 * axe-core on the page as it is now (WCAG 2.0/2.1 A and AA rules): the serious and critical violations. Injected
 * through the DevTools protocol (page.evaluate), which the portal's content security policy does not govern; the
 * page itself allows only its own scripts.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) }));
}

/**
 * One main page of a journey: its screenshot kept, axe run on it (the caller expects no serious or critical
 * violation), and the page's basic promises checked: Dutch, one h1, a title.
 */
export async function checkPage(page: Page, name: string): Promise<{ violations: AxeViolation[]; lang: string | null; h1Count: number; title: string }> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  return {
    violations: await seriousViolations(page),
    lang: await page.locator('html').getAttribute('lang'),
    h1Count: await page.locator('h1').count(),
    title: await page.title(),
  };
}
