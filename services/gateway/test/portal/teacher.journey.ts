import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { PortalUnderTest } from '../support/portal-under-test';
import { h1, tableRows } from '../support/portal-reading';

const TIMEOUT = 120_000;

/** A national, open demo offer Anne (po) is not enrolled in; the demo loads it with two runs weeks ahead. */
const OFFER = 'Kunstmatige intelligentie in je lespraktijk';
/** The demo's team programme, for the school leader of OBS De Regenboog. */
const TEAM_OFFER = 'Teamleren: samen werken aan begrijpend lezen';

/** What an earlier, interrupted run may have left: cancel it, so the journey starts from the demo data. */
async function cancelLeftovers(page: Page, linkName: string, button: string): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const link = page.getByRole('link', { name: linkName });
    if ((await link.count()) === 0) return;
    await link.first().click();
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL(/melding=/);
  }
}

/** The main journeys of a teacher and a school leader, in a real browser. */
export function teacherJourneys(portal: () => PortalUnderTest): void {
  it(
    'lets a teacher search with filters, open an offer, enrol in a run after checking, see it in her enrolments and cancel it',
    async () => {
      const tab = await portal().signIn('docent-anne');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/mijn/inschrijvingen`);
      await cancelLeftovers(page, `Annuleren: ${OFFER}`, 'Ja, inschrijving annuleren');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbod zoeken' }).click();
      await page.waitForURL(/\/aanbod$/);
      expect(await h1(page)).toBe('Aanbod zoeken');
      await portal().check(tab, 'leraar-aanbod');

      await page.getByLabel('Zoekwoorden').fill('kunstmatige intelligentie');
      await page.getByLabel('Sector').selectOption({ label: 'Voortgezet onderwijs' });
      await page.getByLabel('Alleen aanbod met een uitvoering met vrije plaatsen').check();
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.waitForURL(/sector=vo/);
      expect(await page.getByRole('heading', { level: 2, name: /resultaat|resultaten/ }).count()).toBe(1);
      // The filters stay filled in above the results.
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('kunstmatige intelligentie');
      expect(await page.getByLabel('Sector').inputValue()).toBe('vo');
      await portal().check(tab, 'leraar-aanbod-resultaten');

      await page.getByRole('link', { name: OFFER }).click();
      await page.waitForURL(/\/aanbod\/[0-9a-f-]{36}$/);
      expect(await h1(page)).toBe(OFFER);
      expect(await page.getByText(/^Geldig tot /).count()).toBe(1);
      const runs = await tableRows(page, `Uitvoeringen van ${OFFER}`);
      expect(runs.length).toBeGreaterThan(0);
      await portal().check(tab, 'leraar-aanbod-details');

      const enrol = page.getByRole('link', { name: /^Inschrijven voor / }).first();
      const runName = ((await enrol.textContent()) ?? '').replace('Inschrijven voor ', '').trim();
      await enrol.click();
      await page.waitForURL(/\/inschrijven$/);
      expect(await h1(page)).toBe('Controleer uw inschrijving');
      expect(await page.getByText(OFFER).count()).toBeGreaterThan(0);
      await portal().check(tab, 'leraar-inschrijving-controleren');
      await page.getByRole('button', { name: 'Inschrijving bevestigen' }).click();

      await page.waitForURL(/\/mijn\/inschrijvingen\?melding=ingeschreven$/);
      expect(await page.getByRole('status').textContent()).toContain('U bent ingeschreven');
      const active = await tableRows(page, 'Uw lopende en geplande inschrijvingen');
      const mine = active.find((row) => row[0] === OFFER);
      expect(mine?.[1]).toContain(runName);
      expect(mine?.[2]).toBe('Ingeschreven');
      await portal().check(tab, 'leraar-inschrijvingen');

      await page.getByRole('link', { name: `Annuleren: ${OFFER}` }).click();
      expect(await h1(page)).toBe('Weet u zeker dat u wilt annuleren?');
      await portal().check(tab, 'leraar-inschrijving-annuleren');
      await page.getByRole('button', { name: 'Ja, inschrijving annuleren' }).click();
      await page.waitForURL(/melding=geannuleerd$/);
      expect(await page.getByRole('status').textContent()).toContain('geannuleerd');
      expect((await tableRows(page, 'Uw lopende en geplande inschrijvingen')).some((row) => row[0] === OFFER)).toBe(false);
      const past = await tableRows(page, 'Uw afgeronde en geannuleerde inschrijvingen');
      expect(past.some((row) => row[0] === OFFER && row[2] === 'Geannuleerd door uzelf')).toBe(true);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'refuses an invalid date filter with an error summary and keeps what was typed',
    async () => {
      const tab = await portal().signIn('docent-anne');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/aanbod`);
      await page.getByLabel('Zoekwoorden').fill('rekenles');
      await page.getByLabel('Start vanaf').fill('31-2-2027');
      const response = page.waitForResponse((answer) => answer.url().includes('/aanbod?'));
      await page.getByRole('button', { name: 'Zoeken' }).click();
      expect((await response).status()).toBe(400);
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('heading', { name: 'Er is een probleem' }).count()).toBe(1);
      const error = summary.getByRole('link', { name: /Start vanaf.*bestaande datum/ });
      expect(await error.getAttribute('href')).toBe('#field-startsFrom');
      expect(await page.getByLabel('Start vanaf').inputValue()).toBe('31-2-2027');
      expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('rekenles');
      expect(await page.title()).toMatch(/^Fout: /);
      await portal().check(tab, 'leraar-aanbod-fout');
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'shows a teacher her path with progress and suggested offers, her notifications and her data with the erasure check',
    async () => {
      const tab = await portal().signIn('docent-anne');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/mijn/pad`);
      expect(await h1(page)).toBe('Mijn ontwikkelpad');
      // The demo: Anne follows "Van startbekwaam naar vakbekwaam"; her school leader recognised the first step.
      expect(await page.getByRole('heading', { level: 2, name: 'Van startbekwaam naar vakbekwaam' }).count()).toBe(1);
      const steps = await tableRows(page, 'Stappen van Van startbekwaam naar vakbekwaam');
      expect(steps.find((row) => row[0].startsWith('SV-1'))?.[2]).toBe('Afgerond (erkend)');
      expect(await page.getByRole('heading', { level: 3, name: 'Aanbod voor uw volgende stappen' }).count()).toBe(1);
      await portal().check(tab, 'leraar-ontwikkelpad');
      // The credential of a completed step downloads as a signed Open Badges credential (a compact JWS).
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Bewijs van SV-1 downloaden' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('bewijs-SV-1.jwt');
      const credential = await readFile((await file.path()) ?? '', 'utf8');
      expect(credential).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
      expect(await h1(page)).toBe('Meldingen');
      await portal().check(tab, 'leraar-meldingen');

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gegevens' }).click();
      expect(await h1(page)).toBe('Mijn gegevens');
      expect(await page.getByText('Anne de Vries').count()).toBe(1);
      expect(await page.getByText('OBS De Regenboog').count()).toBe(1);
      await portal().check(tab, 'leraar-gegevens');

      // Changing the profile: a wrong e-mail address is refused and kept; saved again as it was, so the demo stays.
      await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
      expect(await h1(page)).toBe('Uw gegevens wijzigen');
      const email = await page.getByLabel('E-mailadres (optioneel)').inputValue();
      await page.getByLabel('E-mailadres (optioneel)').fill('anne@');
      await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
      expect(await page.getByRole('alert').getByRole('link', { name: /e-mailadres in zoals/ }).count()).toBe(1);
      expect(await page.getByLabel('E-mailadres (optioneel)').inputValue()).toBe('anne@');
      await portal().check(tab, 'leraar-gegevens-wijzigen-fout');
      await page.getByLabel('E-mailadres (optioneel)').fill(email);
      await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
      await page.waitForURL(/melding=opgeslagen$/);
      expect(await page.getByRole('status').textContent()).toContain('Uw gegevens zijn opgeslagen.');

      // Erasing needs an explicit confirmation: without it, the same page with the error (nothing is erased).
      await page.getByRole('link', { name: 'Mijn persoonsgegevens wissen' }).click();
      expect(await h1(page)).toBe('Weet u zeker dat u uw persoonsgegevens wilt wissen?');
      await page.getByRole('button', { name: 'Persoonsgegevens wissen' }).click();
      expect(await page.getByRole('alert').getByRole('link', { name: /wissen niet ongedaan/ }).count()).toBe(1);
      await portal().check(tab, 'leraar-gegevens-wissen');
      await page.getByRole('link', { name: 'Terug naar mijn gegevens' }).click();
      expect(await page.getByText('Anne de Vries').count()).toBe(1);
      await tab.context.close();
    },
    TIMEOUT,
  );

  it(
    'lets a school leader see the team progress, enrol a team in a team programme after checking, and cancel it',
    async () => {
      const tab = await portal().signIn('schoolleider-utrecht');
      const { page } = tab;
      await page.goto(`${portal().gatewayUrl}/team`);
      expect(await h1(page)).toBe('Mijn team');
      await cancelLeftovers(page, `Annuleren: ${TEAM_OFFER}`, 'Ja, teaminschrijving annuleren');
      const steps = await tableRows(page, 'Afgeronde stappen van Van startbekwaam naar vakbekwaam');
      expect(steps.find((row) => row[0].startsWith('SV-1'))?.[1]).toMatch(/^[1-9]\d* van [1-9]\d*$/);
      // Anne gave consent in the demo: she is shown by name.
      const perTeacher = await tableRows(page, 'Voortgang van leraren die toestemming gaven');
      expect(perTeacher.some((row) => row[0] === 'Anne de Vries')).toBe(true);
      await portal().check(tab, 'schoolleider-team');

      await page.getByRole('link', { name: new RegExp(`^Team inschrijven: ${TEAM_OFFER}`) }).first().click();
      expect(await h1(page)).toBe('Welke leraren schrijft u in?');
      // Nobody chosen: refused with the error summary, the programme still chosen.
      await page.getByRole('button', { name: 'Doorgaan' }).click();
      expect(await page.getByRole('alert').getByRole('link', { name: 'Kies minstens één leraar' }).count()).toBe(1);
      expect(await page.getByLabel('Teamprogramma').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByLabel('Anne de Vries').check();
      await page.getByLabel('Carla Bakker').check();
      await portal().check(tab, 'schoolleider-team-kiezen');
      await page.getByRole('button', { name: 'Doorgaan' }).click();

      expect(await h1(page)).toBe('Controleer de teaminschrijving');
      expect(await page.getByText('Carla Bakker').count()).toBe(1);
      await portal().check(tab, 'schoolleider-team-controleren');
      await page.getByRole('button', { name: 'Team inschrijven' }).click();
      await page.waitForURL(/melding=team-ingeschreven$/);
      const teams = await tableRows(page, 'Teams van uw school die zijn ingeschreven');
      expect(teams.some((row) => row[0] === TEAM_OFFER && row[2] === '2')).toBe(true);

      await page.getByRole('link', { name: `Annuleren: ${TEAM_OFFER}` }).click();
      expect(await h1(page)).toBe('Weet u zeker dat u de teaminschrijving wilt annuleren?');
      await page.getByRole('button', { name: 'Ja, teaminschrijving annuleren' }).click();
      await page.waitForURL(/melding=team-geannuleerd$/);
      expect(await page.getByRole('link', { name: `Annuleren: ${TEAM_OFFER}` }).count()).toBe(0);
      await tab.context.close();
    },
    TIMEOUT,
  );
}
