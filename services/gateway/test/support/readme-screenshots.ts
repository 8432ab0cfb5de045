/**
 * The README's picture of each role: one page per role as a signed-in user sees it on first screen, against a running
 * platform with the demo data (`npm start`):
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register services/gateway/test/support/readme-screenshots.ts [gatewayUrl]
 * Writes docs/portal/<role>.png. (The browser tests keep full-page screenshots of every page in .local/screenshots.)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, signedInContext, type DemoAccount } from './portal-browser';

const GATEWAY = process.argv[2] ?? 'http://127.0.0.1:3000';
const OUT = join(__dirname, '../../../../docs/portal');

const PAGES: { file: string; account: DemoAccount; path: string; thenClick?: string }[] = [
  { file: 'leraar', account: 'docent-anne', path: '/aanbod?q=intelligentie', thenClick: 'main ol a, main ul a[href^="/aanbod/"]' },
  { file: 'schoolleider', account: 'schoolleider-utrecht', path: '/team' },
  { file: 'opleider', account: 'opleider-hanze', path: '/opleider/aanbod' },
  { file: 'beoordelaar', account: 'beoordelaar-1', path: '/beoordelen?status=all' },
  { file: 'regio', account: 'regio-utrecht-stad', path: '/regio/inschrijvingen' },
  { file: 'ministerie', account: 'ministerie-ocw', path: '/ministerie' },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const { file, account, path, thenClick } of PAGES) {
      const { context, page } = await signedInContext(browser, GATEWAY, account);
      await page.goto(`${GATEWAY}${path}`);
      if (thenClick) await page.locator(thenClick).first().click();
      await page.waitForLoadState('load');
      await page.screenshot({ path: join(OUT, `${file}.png`) });
      console.log(`${file}: ${page.url()}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
