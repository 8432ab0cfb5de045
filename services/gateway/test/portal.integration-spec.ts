import { assessorJourneys } from './portal/assessor.journey';
import { ministryJourneys } from './portal/ministry.journey';
import { providerJourneys } from './portal/provider.journey';
import { regionJourneys } from './portal/region.journey';
import { teacherJourneys } from './portal/teacher.journey';
import { seriousViolations, type DemoAccount } from './support/portal-browser';
import { crawlForms, hostileVariants, SCRIPT_PROBE } from './support/portal-forms';
import { startPortalUnderTest, type PortalUnderTest } from './support/portal-under-test';

/**
 * Issue #16: the web portal in a real browser (Debian's chromium, driven by playwright-core, headless), every role's
 * main journey against the whole platform with its demo data, signed in through the real sign-in; every main page
 * kept as a screenshot and checked with axe-core (0 serious or critical violations).
 */
describe('portal: every role in a real browser', () => {
  let portal: PortalUnderTest;

  beforeAll(async () => {
    portal = await startPortalUnderTest();
  }, 300_000);

  afterAll(async () => {
    await portal?.stop();
  }, 60_000);

  describe('anyone', () => {
    it('shows the start page in Dutch, signs in through the issuer and out again', async () => {
      const context = await portal.browser.newContext({ locale: 'nl-NL' });
      const page = await context.newPage();
      const response = await page.goto(`${portal.gatewayUrl}/mijn/inschrijvingen`);
      // Not signed in: to the issuer's sign-in page, and back to the page asked for afterwards.
      expect(page.url()).toContain('/interaction/');
      expect(response?.ok()).toBe(true);
      await page.locator('button[name="account"][value="docent-anne"]').click();
      await page.waitForURL(`${portal.gatewayUrl}/mijn/inschrijvingen`);
      const session = (await context.cookies()).filter((cookie) => cookie.name.includes('napl_session'));
      expect(session).toHaveLength(1);
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.waitForURL(`${portal.gatewayUrl}/`);
      expect(await page.locator('h1').textContent()).toBe('Professionaliseren als leraar');
      expect(await page.getByRole('link', { name: 'Inloggen' }).count()).toBeGreaterThan(0);
      expect((await context.cookies()).filter((cookie) => cookie.name.includes('napl_session'))).toEqual([]);
      await context.close();
      // The session ended at the gateway too: its old cookie, in another browser, leads to the sign-in.
      const other = await portal.browser.newContext({ locale: 'nl-NL' });
      await other.addCookies(session);
      const otherPage = await other.newPage();
      await otherPage.goto(`${portal.gatewayUrl}/mijn/inschrijvingen`);
      expect(otherPage.url()).toContain('/interaction/');
      await other.close();
    }, 60_000);

    it('works with the keyboard alone: a skip link first, focus always visible, a search sent with Enter', async () => {
      const tab = await portal.signIn('docent-anne');
      const { page } = tab;
      // Runs in the browser (the project's TypeScript has no DOM types): how the focused element is marked.
      const focusMark = () =>
        page.evaluate(() => {
          const dom = globalThis as unknown as {
            document: { activeElement: { textContent: string | null; id: string; getAttribute(name: string): string | null } | null };
            getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string; backgroundColor: string };
          };
          const element = dom.document.activeElement;
          const style = element ? dom.getComputedStyle(element) : undefined;
          return {
            text: element?.textContent?.trim() ?? '',
            id: element?.id ?? '',
            name: element?.getAttribute('name') ?? '',
            visible: style !== undefined && ((style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none'),
          };
        });
      await page.goto(`${portal.gatewayUrl}/aanbod`);
      await page.keyboard.press('Tab');
      expect(await focusMark()).toMatchObject({ text: 'Naar de inhoud', visible: true });
      await page.keyboard.press('Enter');
      expect(await focusMark()).toMatchObject({ id: 'inhoud' });
      await page.keyboard.press('Tab');
      expect(await focusMark()).toMatchObject({ name: 'q', visible: true });
      await page.keyboard.type('lezen');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/aanbod\?.*q=lezen/);
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('lezen');
      // Every link and button of the menu and the header can be reached with Tab, each visibly focused.
      await page.goto(`${portal.gatewayUrl}/`);
      const reached: string[] = [];
      for (let step = 0; step < 12; step++) {
        await page.keyboard.press('Tab');
        const mark = await focusMark();
        expect({ element: mark.text, visible: mark.visible }).toEqual({ element: mark.text, visible: true });
        reached.push(mark.text);
      }
      expect(reached).toEqual(expect.arrayContaining(['Afmelden', 'Aanbod zoeken', 'Mijn inschrijvingen', 'Mijn gegevens']));
      await tab.context.close();
    }, 60_000);

    it('keeps the start page accessible', async () => {
      const tab = await portal.signIn('docent-anne');
      await portal.check(tab, 'start-leraar');
      expect(await tab.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').count()).toBeGreaterThan(0);
      await tab.context.close();
    }, 60_000);
  });

  describe('long operations', () => {
    it('starts a rebuild of the monitoring figures and shows its progress until the new figures are in use', async () => {
      const tab = await portal.signIn('ministerie-ocw');
      await tab.page.goto(`${portal.gatewayUrl}/ministerie`);
      await tab.page.getByRole('link', { name: 'Bouw de cijfers opnieuw op' }).click();
      await tab.page.waitForURL(`${portal.gatewayUrl}/ministerie/herbouw`);
      await portal.check(tab, 'ministerie-herbouw');
      await tab.page.getByRole('button', { name: 'Herbouw starten' }).click();
      await tab.page.waitForURL(/\/ministerie\/herbouw\/[0-9a-f-]{36}\?melding=gestart$/);
      expect(await tab.page.getByRole('status').textContent()).toContain('De herbouw is gestart.');
      // The page's script keeps the progress region up to date without a reload, until the rebuild has switched.
      const progress = tab.page.locator('#herbouw-voortgang');
      await progress.getByText('Klaar: de nieuwe cijfers zijn in gebruik').waitFor({ timeout: 60_000 });
      expect(await progress.getAttribute('aria-live')).toBe('polite');
      const rows = await progress.locator('tbody tr').allInnerTexts();
      expect(rows.some((row) => row.includes('napl.enrolments.enrolment.v1') && row.includes('100%'))).toBe(true);
      await portal.check(tab, 'ministerie-herbouw-voortgang');
      await tab.context.close();
    }, 120_000);
  });

  describe('teacher and school leader', () => teacherJourneys(() => portal));
  describe('provider', () => providerJourneys(() => portal));
  describe('assessor and quality framework', () => assessorJourneys(() => portal));
  describe('education region', () => regionJourneys(() => portal));
  describe('ministry', () => ministryJourneys(() => portal));

  // Last: the journeys above rely on the demo data, and hostile input must change nothing, but if it did, it would
  // not spoil them.
  describe('hostile input on every form a role meets', () => {
    const ACCOUNTS: DemoAccount[] = ['docent-anne', 'schoolleider-utrecht', 'opleider-hanze', 'beoordelaar-1', 'regio-utrecht-stad', 'ministerie-ocw'];

    it.each(ACCOUNTS)('%s: every page met passes axe; every form answers hostile input with a page (never 5xx), escapes it, and refuses a post without the CSRF token', async (account) => {
      const tab = await portal.signIn(account);
      const failures: string[] = [];
      // Every page the crawl meets gets the same accessibility check as the journeys' main pages.
      const { pages, forms } = await crawlForms(tab.page, portal.gatewayUrl, async (path) => {
        for (const violation of await seriousViolations(tab.page)) failures.push(`${path}: ${violation.impact} ${violation.id} (${violation.help})`);
      });
      let requests = 0;
      // Sent from inside the signed-in page, as its own script would: the session cookie is Secure, which chromium
      // sends to http://127.0.0.1 but playwright's own request client does not.
      const send = (method: 'get' | 'post', url: string, body: string) =>
        tab.page.evaluate(
          async ({ method, url, body }) => {
            const response = await fetch(url, method === 'post' ? { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {});
            return { status: response.status, text: await response.text() };
          },
          { method, url: method === 'post' ? url : `${url}?${body}`, body },
        );
      for (const form of forms) {
        for (const variant of hostileVariants(form)) {
          const answer = await send(form.method, form.action, new URLSearchParams(variant.body).toString());
          requests++;
          if (answer.status >= 500) failures.push(`${form.method} ${form.action} (${variant.name}): ${answer.status}`);
          if (answer.text.includes(SCRIPT_PROBE)) failures.push(`${form.method} ${form.action} (${variant.name}): markup sent back unescaped`);
        }
        if (form.method === 'post') {
          const fields = form.fields.filter((field) => field.name !== '_csrf').map((field): [string, string] => [field.name, field.value]);
          const answer = await send('post', form.action, new URLSearchParams(fields).toString());
          requests++;
          if (answer.status !== 403) failures.push(`post ${form.action} without the CSRF token: ${answer.status}, expected 403`);
        }
      }
      console.log(`[portal hostile forms] ${account}: ${pages.length} pages, ${forms.length} forms, ${requests} requests, ${failures.length} failures`);
      expect(forms.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
      await tab.context.close();
    }, 180_000);
  });
});
