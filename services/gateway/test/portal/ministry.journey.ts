import { readFileSync } from 'node:fs';
import type { PortalUnderTest } from '../support/portal-under-test';
import { h1, tableRows } from '../support/portal-reading';

const TIMEOUT = 120_000;

/** Today in the Netherlands as a person types it (30-11-2026). */
function todayTyped(): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()).split('-');
  return `${day}-${month}-${year}`;
}

/** The main journeys of the ministry (dashboard, exports, rules, regions, review queue, audit log), in a real browser. */
export function ministryJourneys(portal: () => PortalUnderTest): void {
  it(
    'shows the dashboard with charts and tables, for a chosen as-of date, and exports the figures',
    async () => {
      const tab = await portal().signIn('ministerie-ocw');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/ministerie`);
      expect(await h1(tab.page)).toBe('Dashboard');
      // Charts drawn on the server: an SVG with a name for screen readers, in a figure with its caption.
      const charts = page.locator('figure svg[role="img"]');
      expect(await charts.count()).toBeGreaterThanOrEqual(4);
      expect(await charts.first().getAttribute('aria-label')).toMatch(/verwacht aantal leraren/);
      // The demo has at least 10 participants in Utrecht Stad, so its cell is not suppressed.
      const regions = await tableRows(page, 'Deelnemende leraren per regio');
      const utrecht = regions.find(([name]) => name === 'Utrecht Stad');
      expect(utrecht).toBeDefined();
      expect(Number(utrecht![1].replace(/\./g, ''))).toBeGreaterThanOrEqual(10);
      expect((await tableRows(page, 'Budget per tranche')).map(([code]) => code)).toContain('2025-2028');
      await portal().check(tab, 'ministerie-dashboard');

      // A date that does not exist: the error summary, the field's message, and the date as typed.
      await page.getByRole('textbox', { name: 'Peildatum' }).fill('31-02-2026');
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.waitForURL(/peildatum=31-02-2026/);
      await expect(page.getByRole('alert').getByRole('link', { name: /bestaande datum/ }).count()).resolves.toBe(1);
      expect(await page.getByRole('textbox', { name: 'Peildatum' }).inputValue()).toBe('31-02-2026');
      expect(await page.title()).toMatch(/^Fout: /);
      await portal().check(tab, 'ministerie-dashboard-fout');

      await page.getByRole('textbox', { name: 'Peildatum' }).fill(todayTyped());
      await page.getByRole('button', { name: 'Cijfers tonen' }).click();
      await page.waitForURL(/peildatum=/);
      expect(await page.getByText(/^Peildatum: /).count()).toBe(1);
      expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThanOrEqual(4);

      // The export links download a file with a name (a real click: the browser's own session).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Deelnemers als CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^napl-participants-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = await download.path();
      expect(readFileSync(file, 'utf8').split(/\r?\n/)[0]).toBe('as_of,rules_version,table,section,key,measure,value,suppressed');
      const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Geld als JSON' }).click()]);
      expect(JSON.parse(readFileSync(await json.path(), 'utf8'))).toMatchObject({ table: 'money', rows: expect.any(Array) });
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'creates a draft version of the reimbursement rules after a refused form, and asks before publishing',
    async () => {
      const tab = await portal().signIn('ministerie-ocw');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/ministerie`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vergoedingsregels' }).click();
      await page.waitForURL(/\/ministerie\/regels$/);
      expect(await h1(tab.page)).toBe('Vergoedingsregels');
      expect((await tableRows(page, 'Versies van de vergoedingsregeling')).some((row) => row[1] === 'Gepubliceerd')).toBe(true);
      await portal().check(tab, 'ministerie-regels');

      await page.getByRole('link', { name: 'Nieuwe versie opstellen' }).click();
      await page.waitForURL(/\/ministerie\/regels\/nieuw$/);
      // Refused: no start date, and a percentage that is not one.
      await page.getByLabel('Vergoed deel van de kosten (procent)').fill('veel');
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('link', { name: 'Vul de ingangsdatum in' }).count()).toBe(1);
      expect(await summary.getByRole('link', { name: /percentage van 0,01 tot en met 100/ }).count()).toBe(1);
      expect(await page.getByLabel('Vergoed deel van de kosten (procent)').inputValue()).toBe('veel');
      await portal().check(tab, 'ministerie-regels-fout');

      // A start date of its own (far ahead, different per run), so earlier runs' drafts do not matter.
      const day = new Date(Date.UTC(2040, 0, 1) + (Date.now() % (365 * 20)) * 86_400_000);
      const validFrom = `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()}`;
      await page.getByLabel('Ingangsdatum').fill(validFrom);
      await page.getByLabel('Vergoed deel van de kosten (procent)').fill('60');
      await page.getByLabel('Toelichting (niet verplicht)').fill(`Journey ${Date.now()}: iets hoger vergoed deel.`);
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.waitForURL(/\/ministerie\/regels\/\d+\?melding=concept$/);
      expect(await h1(tab.page)).toMatch(/^Versie \d+ van de vergoedingsregeling$/);
      expect(await page.getByRole('status').textContent()).toContain('Het concept is opgeslagen');
      expect(await page.locator('dd', { hasText: '60%' }).count()).toBe(1);
      await portal().check(tab, 'ministerie-regel-concept');

      await page.getByRole('link', { name: 'Dit concept publiceren' }).click();
      await page.waitForURL(/\/publiceren$/);
      expect(await h1(tab.page)).toMatch(/^Versie \d+ publiceren\?$/);
      expect(await page.getByRole('button', { name: /^Ja, versie \d+ publiceren$/ }).count()).toBe(1);
      await portal().check(tab, 'ministerie-regel-publiceren');
      // Not published: a published version would re-assess enrolments in the shared demo data.
      await page.getByRole('link', { name: 'Nee, niet publiceren' }).click();
      await page.waitForURL(/\/ministerie\/regels\/\d+$/);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'shows the regions and a region’s budget per year, allocates a year’s budget and finds that in the audit log',
    async () => {
      const tab = await portal().signIn('ministerie-ocw');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/ministerie/regio-s`);
      expect(await h1(tab.page)).toBe('Regio’s');
      await portal().check(tab, 'ministerie-regio-s');
      await page.getByRole('link', { name: 'Utrecht Stad', exact: true }).click();
      await page.waitForURL(/\/ministerie\/regio-s\/utrecht-stad$/);
      expect(await h1(tab.page)).toBe('Utrecht Stad');
      const budgets = await tableRows(page, 'Budget van Utrecht Stad per jaar');
      const year2027 = budgets.find(([year]) => year === '2027');
      expect(year2027).toBeDefined();
      await portal().check(tab, 'ministerie-regio');

      await page.getByLabel('Jaar').fill('2027');
      await page.getByLabel('Budget (euro)').fill('heel veel');
      await page.getByRole('button', { name: 'Budget toekennen' }).click();
      expect(await page.getByRole('alert').getByRole('link', { name: /Vul het budget in als een bedrag in euro/ }).count()).toBe(1);
      expect(await page.getByLabel('Budget (euro)').inputValue()).toBe('heel veel');

      // The same amount again: a real allocation that leaves the demo's budget as it was.
      const allocated = year2027![2].replace(/[€\s]/g, '');
      await page.getByLabel('Budget (euro)').fill(allocated);
      await page.getByRole('button', { name: 'Budget toekennen' }).click();
      await page.waitForURL(/melding=toegekend/);
      expect(await page.getByRole('status').textContent()).toContain('Het budget is toegekend.');
      expect((await tableRows(page, 'Budget van Utrecht Stad per jaar')).find(([year]) => year === '2027')?.[2]).toBe(year2027![2]);

      // The allocation is a write through the gateway: the audit log shows it, filtered by the user.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
      await page.waitForURL(/\/ministerie\/auditlog$/);
      expect(await h1(tab.page)).toBe('Auditlog');
      await page.getByLabel('Vanaf datum').fill('gisteren');
      await page.getByRole('button', { name: 'Filteren' }).click();
      expect(await page.getByRole('alert').getByRole('link', { name: /bestaande datum/ }).count()).toBe(1);
      expect(await page.getByLabel('Vanaf datum').inputValue()).toBe('gisteren');

      await page.getByLabel('Vanaf datum').fill('');
      await page.getByLabel('Gebruiker').fill('demo-ministerie-ocw');
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/actor=demo-ministerie-ocw/);
      // The allocation just made is in the log (newest first; other journeys of this user may have written since).
      const entries = await tableRows(page, 'Schrijfacties');
      expect(entries.some((row) => row[2] === 'POST /ministerie/regio-s/utrecht-stad/budget' && row[4] === '303')).toBe(true);
      expect(entries.every((row) => row[1] === 'demo-ministerie-ocw')).toBe(true);
      await portal().check(tab, 'ministerie-auditlog');
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'shows the review queue of enrolments and claims awaiting a decision',
    async () => {
      const tab = await portal().signIn('ministerie-ocw');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/ministerie/beoordelingen`);
      expect(await h1(tab.page)).toBe('Te beoordelen');
      expect(await page.getByRole('heading', { name: 'Inschrijvingen boven de grens voor beoordeling' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Ingediende declaraties' }).count()).toBe(1);
      // Each list shows its rows, or says plainly that nothing waits.
      const queueText = await page.locator('main').textContent();
      expect((await tableRows(page, 'Beoordelingen: nog te beoordelen')).length > 0 || queueText!.includes('Er wacht geen inschrijving op uw beoordeling.')).toBe(true);
      expect((await tableRows(page, 'Declaraties die op uw besluit wachten')).length > 0 || queueText!.includes('Er wacht geen declaratie op uw besluit.')).toBe(true);
      await portal().check(tab, 'ministerie-beoordelingen');

      // The decided ones, by status.
      await page.getByRole('radio', { name: 'Goedgekeurd' }).check();
      await page.getByRole('button', { name: 'Tonen' }).click();
      await page.waitForURL(/status=approved/);
      expect(await page.getByRole('radio', { name: 'Goedgekeurd' }).isChecked()).toBe(true);
      await tab.context.close();
    },
    TIMEOUT,
  );
}
