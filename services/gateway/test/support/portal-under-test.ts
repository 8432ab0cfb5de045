import type { Browser, BrowserContext, Page } from 'playwright-core';
// The demo loader is a script, not a lib: the portal is tested on the data the start command loads, through the gateway.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DemoClient } from '../../../../tools/demo/demo-client';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadDemoData } from '../../../../tools/demo/load-demo-data';
import { PLATFORM_SERVICES, startPlatform, type PlatformProcesses } from './platform-processes';
import { checkPage, launchBrowser, signedInContext, type DemoAccount } from './portal-browser';

/** A signed-in browser tab, and what went wrong in it so far (console errors, CSP violations, script errors). */
export interface SignedInTab {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
}

/** The platform as the README's start command runs it (every service compiled, behind the gateway, demo data) and a browser. */
export interface PortalUnderTest {
  readonly gatewayUrl: string;
  readonly browser: Browser;
  /** A new browser context signed in as the demo account through the real sign-in. */
  signIn(account: DemoAccount): Promise<SignedInTab>;
  /**
   * A main page of a journey: keeps its screenshot (`.local/screenshots/portal/<name>.png`), runs axe-core on it and
   * expects no serious or critical violation, one h1, lang nl, and nothing wrong in the tab so far.
   */
  check(tab: SignedInTab, name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole platform behind the gateway with the demo data loaded through it (as `npm start` does), or uses a
 * running one: PORTAL_GATEWAY_URL=http://127.0.0.1:3000 (after `npm start`) while developing pages.
 */
export async function startPortalUnderTest(): Promise<PortalUnderTest> {
  let platform: PlatformProcesses | undefined;
  let gatewayUrl = process.env.PORTAL_GATEWAY_URL;
  if (!gatewayUrl) {
    platform = await startPlatform({ RATE_LIMITS: 'off' });
    const client = await DemoClient.create({
      keysDir: platform.gateway.keysDir,
      urls: Object.fromEntries(PLATFORM_SERVICES.map((service) => [service, `${platform!.gateway.url}/api/${service}`])),
    });
    await loadDemoData(client);
    gatewayUrl = platform.gateway.url;
  }
  const browser = await launchBrowser();
  const url = gatewayUrl;
  return {
    gatewayUrl: url,
    browser,
    signIn: (account) => signedInContext(browser, url, account),
    async check(tab, name) {
      const found = await checkPage(tab.page, name);
      expect({ page: name, violations: found.violations }).toEqual({ page: name, violations: [] });
      expect({ page: name, lang: found.lang, h1Count: found.h1Count, problems: tab.problems }).toEqual({ page: name, lang: 'nl', h1Count: 1, problems: [] });
      expect(found.title).toMatch(/– NAPL/);
    },
    async stop() {
      await browser.close();
      await platform?.stop();
    },
  };
}
