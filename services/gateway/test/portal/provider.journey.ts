import type { PortalUnderTest } from '../support/portal-under-test';
import { columnTexts, h1 } from '../support/portal-reading';

const TIMEOUT = 120_000;
/** A published demo offer of opleider-hanze with a run that has started and has participants (tools/demo/steps). */
const DEMO_OFFER = 'Formatief evalueren in de rekenles';

/** A date a year from now (YYYY-MM-DD) plus some days, for a run that is certainly in the future. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The main journeys of a provider, in a real browser. */
export function providerJourneys(portal: () => PortalUnderTest): void {
  it(
    'creates a draft offer (a missing field first), edits it, submits it for assessment and sees its status',
    async () => {
      const tab = await portal().signIn('opleider-hanze');
      const { page } = tab;
      const title = `Differentiëren in de rekenles ${Date.now()}`;
      await page.goto(`${portal().gatewayUrl}/opleider/aanbod`);
      expect(await h1(tab.page)).toBe('Mijn aanbod');
      await portal().check(tab, 'opleider-aanbod');

      await page.getByRole('link', { name: 'Nieuw aanbod maken' }).click();
      await page.waitForURL(/\/opleider\/aanbod\/nieuw$/);
      expect(await h1(tab.page)).toBe('Nieuw aanbod');
      // Everything but the title.
      const summary = 'Leraren leren hun rekeninstructie afstemmen op verschillen tussen leerlingen.';
      await page.getByLabel('Samenvatting').fill(summary);
      await page
        .getByLabel('Beschrijving', { exact: true })
        .fill(
          'In vier bijeenkomsten leert u verschillen tussen leerlingen zichtbaar maken, uw instructie daarop afstemmen en de opbrengst met uw team bespreken. Tussen de bijeenkomsten probeert u het uit in de eigen groep.',
        );
      await page.getByLabel('Leeropbrengsten').fill('U stemt de instructie af op verschillen\nU bespreekt de opbrengst met uw team');
      await page.getByLabel('Stappen van ontwikkelpaden').fill('SV-2');
      await page.getByRole('checkbox', { name: 'Primair onderwijs' }).check();
      await page.getByLabel('Vorm').selectOption({ label: 'Training' });
      await page.getByRole('radio', { name: 'Deels op locatie, deels online' }).check();
      await page.getByLabel('Studiebelasting in uren').fill('24');
      await page.getByLabel('Kleinste groepsgrootte').fill('8');
      await page.getByLabel('Grootste groepsgrootte').fill('20');
      await page.getByLabel("Onderwijsregio's").fill('utrecht-stad');
      await page.getByLabel("Prijs per deelnemer in euro's").fill('495,00');
      await page.getByLabel('Wat de prijs omvat').fill('Vier bijeenkomsten, lesmateriaal en certificaat');
      await page.getByRole('button', { name: 'Opslaan als concept' }).click();

      // Refused: the error summary links to the field, and what was typed is still there.
      const problem = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      await problem.waitFor();
      expect(await page.title()).toMatch(/^Fout: Nieuw aanbod/);
      const link = problem.getByRole('link', { name: 'Vul de titel van het aanbod in' });
      expect(await link.getAttribute('href')).toBe('#field-title');
      expect(await page.getByLabel('Samenvatting').inputValue()).toBe(summary);
      expect(await page.getByLabel('Studiebelasting in uren').inputValue()).toBe('24');
      expect(await page.getByRole('checkbox', { name: 'Primair onderwijs' }).isChecked()).toBe(true);
      await portal().check(tab, 'opleider-aanbod-nieuw-fout');
      await link.click();
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByRole('button', { name: 'Opslaan als concept' }).click();
      await page.waitForURL(/\/opleider\/aanbod\/[0-9a-f-]{36}\?melding=aangemaakt$/);
      expect(await h1(tab.page)).toBe(title);
      expect(await page.getByRole('status').filter({ hasText: 'opgeslagen als concept' }).count()).toBe(1);
      expect(await page.locator('dd').filter({ hasText: /^Concept$/ }).count()).toBe(1);
      await portal().check(tab, 'opleider-aanbod-detail');

      // Edit: the form comes filled with the draft.
      await page.getByRole('link', { name: 'Aanbod wijzigen' }).click();
      expect(await h1(tab.page)).toBe('Aanbod wijzigen');
      expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
      expect(await page.getByLabel("Prijs per deelnemer in euro's").inputValue()).toBe('495,00');
      await page.getByLabel('Studiebelasting in uren').fill('32');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.waitForURL(/\?melding=opgeslagen$/);
      expect(await page.locator('dd').filter({ hasText: '32 uur' }).count()).toBe(1);

      // Submit, after a confirmation step.
      await page.getByRole('link', { name: 'Indienen voor beoordeling' }).click();
      expect(await h1(tab.page)).toBe('Aanbod indienen voor beoordeling');
      await portal().check(tab, 'opleider-aanbod-indienen');
      await page.getByRole('button', { name: 'Ja, indienen voor beoordeling' }).click();
      await page.waitForURL(/\?melding=ingediend$/);
      expect(await page.locator('dd').filter({ hasText: 'Ingediend voor beoordeling' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Aanbod wijzigen' }).count()).toBe(0);

      // The list shows it with its status.
      await page.getByRole('link', { name: 'Terug naar mijn aanbod' }).click();
      const row = page.locator('tr', { has: page.getByRole('link', { name: title }) });
      expect(await row.getByText('Ingediend voor beoordeling').count()).toBe(1);
      expect(tab.problems).toEqual([]);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'opens a demo offer: its assessment per criterion, its runs, a run’s participants and their attendance',
    async () => {
      const tab = await portal().signIn('opleider-hanze');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/opleider/aanbod`);
      await page.getByRole('link', { name: DEMO_OFFER, exact: true }).click();
      expect(await h1(tab.page)).toBe(DEMO_OFFER);
      expect(await columnTexts(page, 'Beoordelingen van dit aanbod', 'Status')).toContain('Goedgekeurd');
      expect(await page.getByRole('heading', { name: 'Evaluaties door deelnemers' }).count()).toBe(1);

      await page.getByRole('link', { name: 'Beoordeling van versie 1' }).first().click();
      expect(await h1(tab.page)).toBe('Beoordeling van versie 1');
      const verdicts = await columnTexts(page, 'Criteria van het kwaliteitskader', 'Oordeel');
      expect(verdicts.length).toBeGreaterThan(0);
      expect(verdicts).toContain('Voldaan');
      await portal().check(tab, 'opleider-beoordeling');
      await page.getByRole('link', { name: 'Terug naar het aanbod' }).click();

      // The earliest run is the demo's run that has started, with its participants.
      const runs = page.locator('table', { has: page.locator('caption', { hasText: 'Uitvoeringen van dit aanbod' }) });
      await runs.getByRole('link').first().click();
      await page.waitForURL(/\/opleider\/uitvoeringen\/[0-9a-f-]{36}$/);
      expect(await h1(tab.page)).toMatch(/^Uitvoering van /);
      const participants = await columnTexts(page, 'Deelnemers en wachtlijst', 'Deelnemer');
      expect(participants.length).toBeGreaterThan(0);
      await portal().check(tab, 'opleider-uitvoering');

      const attendance = page.getByRole('form', { name: 'Aanwezigheid vastleggen' });
      if ((await attendance.count()) > 0) {
        // Everyone present, as the demo recorded for its study day: the journey confirms it, and changes nothing that
        // other journeys (reimbursement of started participations) rely on.
        const present = attendance.getByRole('checkbox');
        for (let index = 0; index < (await present.count()); index++) await present.nth(index).check();
        await attendance.getByRole('button', { name: 'Aanwezigheid vastleggen' }).click();
        await page.waitForURL(/\?melding=aanwezigheid$/);
        expect(await page.getByRole('status').filter({ hasText: 'De aanwezigheid is vastgelegd.' }).count()).toBe(1);
      }
      expect(tab.problems).toEqual([]);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'adds a run to a published offer (a wrong date first)',
    async () => {
      const tab = await portal().signIn('opleider-hanze');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/opleider/aanbod`);
      await page.getByRole('link', { name: 'Leergemeenschap curriculumontwikkeling', exact: true }).click();
      await page.getByRole('link', { name: 'Uitvoering toevoegen' }).click();
      expect(await h1(tab.page)).toBe('Uitvoering toevoegen');
      // Unique per run: a start day somewhere in the second year from now.
      const start = dayFromNow(400 + (Date.now() % 300));
      await page.getByLabel('Startdatum').fill('3 februari');
      await page.getByLabel('Einddatum').fill(start);
      await page.getByLabel('Bijeenkomsten').fill(`${start} 15:30-18:00 Kennismaken`);
      await page.getByRole('radio', { name: 'Nee, op locatie' }).check();
      await page.getByLabel('Plaats', { exact: true }).fill('Groningen, Zernikeplein 7');
      await page.getByLabel('Aantal plaatsen').fill('12');
      await page.getByRole('button', { name: 'Uitvoering toevoegen' }).click();
      const problem = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
      await problem.waitFor();
      expect(await problem.getByRole('link', { name: /jjjj-mm-dd/ }).getAttribute('href')).toBe('#field-startDate');
      expect(await page.getByLabel('Plaats', { exact: true }).inputValue()).toBe('Groningen, Zernikeplein 7');
      await portal().check(tab, 'opleider-uitvoering-nieuw-fout');

      await page.getByLabel('Startdatum').fill(start);
      await page.getByRole('button', { name: 'Uitvoering toevoegen' }).click();
      await page.waitForURL(/\?melding=uitvoering-toegevoegd$/);
      const [year, month, day] = start.split('-').map(Number);
      const words = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
      expect(await page.getByRole('link', { name: `Uitvoering van ${words}` }).count()).toBeGreaterThan(0);
      expect(tab.problems).toEqual([]);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'creates an API token that is shown once, sees it listed, replaces it and revokes both',
    async () => {
      const tab = await portal().signIn('opleider-hanze');
      const { page } = tab;
      const name = `Koppeling roostersysteem ${Date.now()}`;
      await page.goto(`${portal().gatewayUrl}/opleider/aanbod`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'API-tokens' }).click();
      await page.waitForURL(/\/opleider\/api-tokens$/);
      expect(await h1(tab.page)).toBe('API-tokens');
      await portal().check(tab, 'opleider-api-tokens');

      await page.getByRole('link', { name: 'Nieuw API-token maken' }).click();
      await page.getByLabel('Naam', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'API-token maken' }).click();
      // No permission chosen: refused, the name kept.
      await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
      expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(name);
      await page.getByRole('checkbox', { name: 'Aanbod lezen' }).check();
      await page.getByRole('checkbox', { name: 'Inschrijvingen lezen' }).check();
      await page.getByRole('button', { name: 'API-token maken' }).click();

      expect(await h1(tab.page)).toBe('Uw nieuwe API-token');
      const token = await page.getByLabel('API-token', { exact: true }).inputValue();
      expect(token).toMatch(/^napl_pat_/);
      expect(page.url()).not.toContain(token);
      await portal().check(tab, 'opleider-api-token-nieuw');

      await page.getByRole('link', { name: 'Naar uw API-tokens' }).click();
      const row = page.locator('tr', { has: page.getByRole('link', { name }) });
      expect(await row.getByText('Actief').count()).toBe(1);
      // Shown once: the list has only its first characters.
      expect(await page.content()).not.toContain(token);

      // Replacing it: a new token, shown once; the old one keeps working for the overlap.
      await row.getByRole('link', { name }).click();
      expect(await h1(tab.page)).toBe(name);
      await page.getByRole('button', { name: 'Token vervangen' }).click();
      expect(await h1(tab.page)).toBe('Uw vervangende API-token');
      const replacement = await page.getByLabel('API-token', { exact: true }).inputValue();
      expect(replacement).toMatch(/^napl_pat_/);
      expect(replacement).not.toBe(token);
      await page.getByRole('link', { name: 'Naar uw API-tokens' }).click();
      const rows = page.locator('tr', { has: page.getByRole('link', { name }) });
      expect(await rows.count()).toBe(2);

      // Revoking both, each after a confirmation step.
      for (let revoked = 1; revoked <= 2; revoked++) {
        await page.locator('tr', { has: page.getByRole('link', { name }) }).filter({ hasText: 'Actief' }).first().getByRole('link', { name }).click();
        expect(await h1(tab.page)).toBe(name);
        await page.getByRole('link', { name: 'Token intrekken' }).click();
        expect(await h1(tab.page)).toBe(`Weet u zeker dat u ‘${name}’ wilt intrekken?`);
        await page.getByRole('button', { name: 'Ja, token intrekken' }).click();
        await page.waitForURL(/\/opleider\/api-tokens\?melding=ingetrokken$/);
        expect(await page.getByRole('status').filter({ hasText: 'Het API-token is ingetrokken.' }).count()).toBe(1);
        expect(await rows.filter({ hasText: 'Ingetrokken' }).count()).toBe(revoked);
      }
      expect(tab.problems).toEqual([]);
      await tab.context.close();
    },
    TIMEOUT,
  );
}
