import { readFile } from 'node:fs/promises';
import type { PortalUnderTest } from '../support/portal-under-test';
import { columnTexts, h1 } from '../support/portal-reading';

const TIMEOUT = 120_000;

/** The main journeys of an education region, in a real browser. */
export function regionJourneys(portal: () => PortalUnderTest): void {
  it(
    'shows the region its budget per year: allocated, committed, paid and left',
    async () => {
      const tab = await portal().signIn('regio-utrecht-stad');
      await tab.page.goto(`${portal().gatewayUrl}/regio`);
      expect(await h1(tab.page)).toBe('Budget van uw regio');
      expect(await tab.page.getByText('Utrecht Stad', { exact: true }).count()).toBeGreaterThan(0);
      const years = await columnTexts(tab.page, 'Budget per jaar', 'Jaar');
      expect(years.length).toBeGreaterThan(0);
      const allocated = await columnTexts(tab.page, 'Budget per jaar', 'Toegekend');
      expect(allocated.every((text) => /^€\s?[\d.]+,\d{2}$/.test(text))).toBe(true);
      // The demo allocates money to the region: at least one year has a positive allocation.
      expect(allocated.some((text) => text !== '€ 0,00')).toBe(true);
      await portal().check(tab, 'regio-budget');
      await tab.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inschrijvingen' }).click();
      await tab.page.waitForURL(/\/regio\/inschrijvingen$/);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'lists the enrolments at its schools with their reasons in Dutch, and filters them by reason',
    async () => {
      const tab = await portal().signIn('regio-utrecht-stad');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/regio/inschrijvingen`);
      expect(await h1(tab.page)).toBe('Inschrijvingen in uw regio');
      const reasons = await columnTexts(page, 'Inschrijvingen', 'Uitkomst');
      expect(reasons.length).toBeGreaterThan(0);
      // The demo's claim made some enrolments "already claimed"; one teacher did not take part enough.
      expect(reasons.some((text) => text.startsWith('Al vergoed of gedeclareerd'))).toBe(true);
      expect(reasons.some((text) => text.startsWith('Deelname telt (nog) niet'))).toBe(true);
      await portal().check(tab, 'regio-inschrijvingen');

      await page.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Al vergoed of gedeclareerd' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/reden=ALREADY_REIMBURSED/);
      const claimed = await columnTexts(page, 'Inschrijvingen met uitkomst', 'Uitkomst');
      expect(claimed.length).toBeGreaterThan(0);
      expect(claimed.every((text) => text.startsWith('Al vergoed of gedeclareerd'))).toBe(true);
      expect(await page.getByLabel('Uitkomst', { exact: true }).inputValue()).toBe('ALREADY_REIMBURSED');
      await portal().check(tab, 'regio-inschrijvingen-gefilterd');

      await page.getByLabel('Uitkomst', { exact: true }).selectOption({ label: 'Komt in aanmerking' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/reden=ELIGIBLE/);
      const eligible = await page.locator('table').count();
      if (eligible > 0) {
        const texts = await columnTexts(page, 'Inschrijvingen met uitkomst', 'Uitkomst');
        expect(texts.every((text) => text.startsWith('Komt in aanmerking'))).toBe(true);
        expect((await columnTexts(page, 'Inschrijvingen met uitkomst', 'Bedrag')).every((text) => text.startsWith('€'))).toBe(true);
      } else {
        expect(await page.getByText('Er zijn geen inschrijvingen met deze uitkomst.').count()).toBe(1);
      }

      // A reason that does not exist: the same page with an error, not a failure.
      const wrong = await page.goto(`${portal().gatewayUrl}/regio/inschrijvingen?reden=ONZIN`);
      expect(wrong?.status()).toBe(400);
      expect(await page.getByRole('alert').getByRole('link', { name: 'Kies een uitkomst uit de lijst' }).count()).toBe(1);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'builds a claim from an eligible enrolment, checks it, submits it, and sees a second claim of the same enrolment refused',
    async () => {
      const tab = await portal().signIn('regio-utrecht-stad');
      const { page } = tab;
      const reference = `Journey ${Date.now()}`;
      await page.goto(`${portal().gatewayUrl}/regio/declaraties`);
      expect(await h1(tab.page)).toBe('Declaraties');
      await portal().check(tab, 'regio-declaraties');
      await page.getByRole('link', { name: 'Nieuwe declaratie opstellen' }).click();
      await page.waitForURL(/\/regio\/declaraties\/nieuw$/);
      expect(await h1(tab.page)).toBe('Nieuwe declaratie');

      const boxes = page.getByRole('group', { name: 'Welke inschrijvingen wilt u declareren?' }).getByRole('checkbox');
      if ((await boxes.count()) === 0) {
        // Every eligible enrolment has been claimed (a long-running platform): the page says so and offers no form.
        expect(await page.getByText('Er zijn op dit moment geen inschrijvingen in uw regio die in aanmerking komen').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Verder' }).count()).toBe(0);
        await portal().check(tab, 'regio-declaratie-geen-inschrijvingen');
        await tab.context.close();
        return;
      }

      // Nothing chosen: the error summary links to the question, and what was typed stays.
      await page.getByLabel('Uw kenmerk (niet verplicht)').fill(reference);
      const [refusedChoice] = await Promise.all([page.waitForResponse((answer) => answer.request().method() === 'POST'), page.getByRole('button', { name: 'Verder' }).click()]);
      expect(refusedChoice.status()).toBe(400);
      await page.waitForLoadState();
      const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      await summary.getByRole('link', { name: 'Kies ten minste één inschrijving om te declareren' }).click();
      expect(await page.locator(':focus').getAttribute('type')).toBe('checkbox');
      expect(await page.getByLabel('Uw kenmerk (niet verplicht)').inputValue()).toBe(reference);
      expect(await page.title()).toMatch(/^Fout: /);
      await portal().check(tab, 'regio-declaratie-fout');

      // One enrolment: a draft, shown on "check your claim".
      const enrolmentId = await boxes.first().getAttribute('value');
      await boxes.first().check();
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.waitForURL(/\/regio\/declaraties\/[0-9a-f-]{36}\/controleren$/);
      const firstDraftUrl = page.url();
      expect(await h1(tab.page)).toBe('Controleer uw declaratie');
      expect(await columnTexts(page, 'Regels van deze declaratie', 'Regel')).toEqual(['1']);
      expect(await page.getByText(reference).count()).toBeGreaterThan(0);
      await portal().check(tab, 'regio-declaratie-controleren');

      // A second draft with the same enrolment (as from another tab), submitted first.
      await page.goto(`${portal().gatewayUrl}/regio/declaraties/nieuw`);
      await page.getByLabel('Uw kenmerk (niet verplicht)').fill(`${reference} B`);
      await page.locator(`input[type="checkbox"][value="${enrolmentId}"]`).check();
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.waitForURL(/\/controleren$/);
      await page.getByRole('button', { name: 'Declaratie indienen' }).click();
      await page.waitForURL(/\/regio\/declaraties\/[0-9a-f-]{36}\?melding=ingediend$/);
      expect(await h1(tab.page)).toBe(`Declaratie ${reference} B`);
      expect(await page.getByRole('status').filter({ hasText: 'Uw declaratie is ingediend' }).count()).toBe(1);
      expect(await page.locator('dd').filter({ hasText: /^(Ingediend|Goedgekeurd)$/ }).count()).toBe(1);
      expect(await columnTexts(page, 'Regels van deze declaratie met het besluit', 'Besluit')).toEqual([expect.stringMatching(/^(Ingediend, wacht op besluit|Goedgekeurd)$/)]);
      await portal().check(tab, 'regio-declaratie');

      // The first draft now holds an enrolment already claimed: refused line by line, nothing stored.
      await page.goto(firstDraftUrl);
      const [refusedSubmit] = await Promise.all([
        page.waitForResponse((answer) => answer.request().method() === 'POST'),
        page.getByRole('button', { name: 'Declaratie indienen' }).click(),
      ]);
      expect([409, 422]).toContain(refusedSubmit.status());
      await page.waitForLoadState();
      expect(await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).count()).toBe(1);
      expect(await columnTexts(page, 'Geweigerde regels met de reden', 'Reden')).toEqual(['Al vergoed of gedeclareerd']);
      await portal().check(tab, 'regio-declaratie-geweigerd');
      await page.getByRole('button', { name: 'Concept weggooien' }).click();
      await page.waitForURL(/\/regio\/declaraties\?melding=weggegooid$/);
      expect(await page.getByRole('status').filter({ hasText: 'Het concept is weggegooid.' }).count()).toBe(1);

      // The list shows the submitted claim, and not the thrown-away draft.
      const names = await columnTexts(page, 'Declaraties van uw regio', 'Kenmerk');
      expect(names).toContain(`${reference} B`);
      expect(names).not.toContain(reference);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'shows the payment statements with their lines and downloads the export',
    async () => {
      const tab = await portal().signIn('regio-utrecht-stad');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/regio/overzichten`);
      expect(await h1(tab.page)).toBe('Betaaloverzichten');
      // The demo's approved claim is on a statement of the current quarter.
      const periods = await columnTexts(page, 'Betaaloverzichten van uw regio', 'Periode');
      expect(periods.length).toBeGreaterThan(0);
      expect(periods.every((text) => /^\de kwartaal \d{4}$/.test(text))).toBe(true);
      await portal().check(tab, 'regio-overzichten');

      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Betaald' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL(/status=paid/);
      const paidTable = await page.locator('table').count();
      if (paidTable > 0) expect((await columnTexts(page, 'Betaaloverzichten van uw regio', 'Status')).every((text) => text === 'Betaald')).toBe(true);
      await page.goto(`${portal().gatewayUrl}/regio/overzichten`);

      await page.locator('table').getByRole('link').first().click();
      await page.waitForURL(/\/regio\/overzichten\/[0-9a-f-]{36}$/);
      expect(await h1(tab.page)).toMatch(/^Betaaloverzicht \de kwartaal \d{4}$/);
      const kinds = await columnTexts(page, 'Regels van het betaaloverzicht', 'Soort');
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds.every((text) => text === 'Betaling' || text === 'Terugvordering')).toBe(true);
      await portal().check(tab, 'regio-overzicht');

      // The export: a plain link the browser follows with its session cookie; the service names the file.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /als CSV/ }).click()]);
      expect(csv.suggestedFilename()).toMatch(/^betaaloverzicht-utrecht-stad-\d{4}-Q\d\.csv$/);
      const csvText = await readFile(await csv.path(), 'utf8');
      expect(csvText.split('\n')[0]).toContain('overzicht;periode;regio;declaratie;regel');
      expect(csvText.trim().split('\n').length).toBe(kinds.length + 1);
      const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /als JSON/ }).click()]);
      expect(json.suggestedFilename()).toMatch(/\.json$/);
      expect(JSON.parse(await readFile(await json.path(), 'utf8'))).toBeDefined();
      await tab.context.close();
    },
    TIMEOUT,
  );
}
