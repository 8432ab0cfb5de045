import type { Page } from 'playwright-core';
import type { PortalUnderTest, SignedInTab } from '../support/portal-under-test';

/** The criteria every test case scores; the journey leaves one justification empty first. */
const FORGOTTEN = 'K3';

/**
 * A case to assess on any platform (fresh or long-running): opleider-hanze, signed in through the real sign-in,
 * creates and submits an offer with a unique title through the API with the browser's own session (the CSRF token
 * from /auth/session), as a script on the provider's pages would. The catalogue announces it; quality opens a case.
 */
async function submitOffer(portal: PortalUnderTest, title: string): Promise<void> {
  const tab = await portal.signIn('opleider-hanze');
  // From the page itself (same origin), so the browser sends its session cookie as it would for a script of the portal.
  const result = await tab.page.evaluate(async (offer) => {
    const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
    const created = await fetch('/api/catalogue/v1/offers', { method: 'POST', headers, body: JSON.stringify(offer) });
    if (created.status !== 201) return { step: 'create', status: created.status, body: await created.text() };
    const { offerId } = (await created.json()) as { offerId: string };
    const submitted = await fetch(`/api/catalogue/v1/offers/${offerId}/submit`, { method: 'POST', headers });
    return { step: 'submit', status: submitted.status, body: submitted.ok ? '' : await submitted.text() };
  }, offerContent(title));
  expect(result).toEqual({ step: 'submit', status: 200, body: '' });
  await tab.context.close();
}

function offerContent(title: string) {
  return {
    title,
    summary: 'Feedback geven die leerlingen verder helpt, getoetst in de eigen klas.',
    description: 'In vier bijeenkomsten oefent u met feedback op leerdoelen en probeert u het tussendoor uit in uw eigen groep.',
    sectors: ['po'],
    format: 'training',
    deliveryMode: 'blended',
    studyLoadHours: 20,
    priceCents: 45000,
    priceCovers: 'Vier bijeenkomsten en lesmateriaal',
    regionIds: ['utrecht-stad'],
    national: false,
    language: 'nl',
    learningOutcomes: ['U geeft feedback op leerdoelen'],
    pathStepCodes: ['SV-2'],
    teamProgramme: false,
    minGroupSize: 6,
    maxGroupSize: 18,
  };
}

/** The case of the offer, once the quality service has opened it (it arrives through Kafka): reloads the open cases. */
async function openCase(page: Page, gatewayUrl: string, title: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(`${gatewayUrl}/beoordelen?status=open`);
    const link = page.getByRole('link', { name: title });
    if ((await link.count()) > 0) {
      await link.click();
      return;
    }
    if (Date.now() > deadline) throw new Error(`no open case for ${title}`);
    await page.waitForTimeout(1000);
  }
}

/** The fieldset of one criterion (its legend starts with the code). */
const criterion = (page: Page, code: string) => page.getByRole('group', { name: new RegExp(`^${code} `) });

async function scoreAll(tab: SignedInTab, codes: readonly string[], skipJustificationOf?: string): Promise<void> {
  for (const code of codes) {
    const group = criterion(tab.page, code);
    await group.getByRole('radio', { name: 'Voldaan', exact: true }).check();
    await group.getByLabel(`Score voor ${code} (niet verplicht)`).selectOption('4');
    await group.getByLabel(`Onderbouwing bij ${code}`).fill(code === skipJustificationOf ? '' : `Aangetoond met de stukken van de aanbieder (${code}).`);
  }
}

/** The main journeys of an assessor, and the ministry managing the quality framework and the paths, in a real browser. */
export function assessorJourneys(portal: () => PortalUnderTest): void {
  it('beoordelaar-1 scores every criterion, fixes a missing justification and decides; beoordelaar-2 sees the decision (and confirms it, when the quality service runs with four eyes)', async () => {
    const title = `Feedback in de rekenles ${Date.now()}`;
    await submitOffer(portal(), title);

    const first = await portal().signIn('beoordelaar-1');
    const { page } = first;
    await page.goto(`${portal().gatewayUrl}/beoordelen`);
    expect(await page.locator('h1').textContent()).toBe('Te beoordelen');
    await portal().check(first, 'beoordelaar-zaken');

    await openCase(page, portal().gatewayUrl, title);
    expect(await page.locator('h1').textContent()).toContain(title);
    expect(await page.getByText('Hanzehogeschool Groningen', { exact: false }).count()).toBeGreaterThan(0);
    await portal().check(first, 'beoordelaar-zaak');

    // Every criterion of the framework has its fieldset; one justification is left empty.
    const legends = await page.locator('fieldset.napl-criterion > legend').allTextContents();
    const codes = legends.map((legend) => legend.trim().split(' ')[0]);
    expect(codes).toContain(FORGOTTEN);
    await scoreAll(first, codes, FORGOTTEN);
    const [answer] = await Promise.all([page.waitForResponse((response) => response.url().endsWith('/scores')), page.getByRole('button', { name: 'Scores opslaan' }).click()]);
    expect(answer.status()).toBe(400);
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    expect(await summary.getByRole('link', { name: `Geef een onderbouwing bij ${FORGOTTEN}` }).count()).toBe(1);
    // What was typed is kept: the other justifications, the choices and scores.
    expect(await criterion(page, 'K1').getByLabel('Onderbouwing bij K1').inputValue()).toBe('Aangetoond met de stukken van de aanbieder (K1).');
    expect(await criterion(page, 'K1').getByRole('radio', { name: 'Voldaan', exact: true }).isChecked()).toBe(true);
    expect(await criterion(page, 'K1').getByLabel('Score voor K1 (niet verplicht)').inputValue()).toBe('4');
    await portal().check(first, 'beoordelaar-zaak-fout');

    await criterion(page, FORGOTTEN).getByLabel(`Onderbouwing bij ${FORGOTTEN}`).fill('Praktijkopdrachten met feedback van de opleider.');
    await page.getByRole('button', { name: 'Scores opslaan' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'De scores zijn opgeslagen.' }).count()).toBe(1);

    // The decision: an approval with conditions needs conditions and a deadline.
    await page.getByRole('link', { name: 'Beslissing nemen' }).click();
    expect(await page.locator('h1').textContent()).toBe('Beslissing nemen');
    await page.getByRole('radio', { name: 'Goedkeuren onder voorwaarden' }).check();
    await page.getByLabel('Toelichting op de beslissing').fill('Het aanbod voldoet aan alle verplichte criteria.');
    await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    expect(await page.getByRole('link', { name: 'Noem minstens één voorwaarde' }).count()).toBe(1);
    expect(await page.getByLabel('Toelichting op de beslissing').inputValue()).toBe('Het aanbod voldoet aan alle verplichte criteria.');
    await portal().check(first, 'beoordelaar-beslissing');
    await page.getByRole('radio', { name: 'Goedkeuren', exact: true }).check();
    await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    const caseUrl = page.url().split('?')[0];
    const status = (await page.locator('.napl-summary-list dd').first().textContent())?.trim();
    expect(['Goedgekeurd', 'Wacht op bevestiging']).toContain(status);
    await first.context.close();

    // Four eyes (when the quality service runs with it): beoordelaar-2 confirms what beoordelaar-1 proposed.
    const second = await portal().signIn('beoordelaar-2');
    if (status === 'Wacht op bevestiging') {
      await second.page.goto(`${portal().gatewayUrl}/beoordelen?status=awaiting-confirmation`);
      await second.page.getByRole('link', { name: title }).click();
      await second.page.getByRole('radio', { name: 'Nee, terug naar de beoordelaar' }).check();
      await second.page.getByRole('button', { name: 'Antwoord versturen' }).click();
      expect(await second.page.getByRole('link', { name: 'Geef een reden als u de beslissing niet bevestigt' }).count()).toBe(1);
      await portal().check(second, 'beoordelaar-vier-ogen');
      await second.page.getByRole('radio', { name: 'Ja, ik bevestig de beslissing' }).check();
      await second.page.getByRole('button', { name: 'Antwoord versturen' }).click();
      expect(await second.page.getByRole('status').filter({ hasText: 'U heeft de beslissing bevestigd' }).count()).toBe(1);
    } else {
      await second.page.goto(caseUrl);
    }
    // Either way the decision stands, with every score and its justification, for the other assessor too.
    expect((await second.page.locator('.napl-summary-list dd').first().textContent())?.trim()).toBe('Goedgekeurd');
    const scores = second.page.getByRole('table', { name: 'Scores per criterium' });
    expect(await scores.getByRole('row').count()).toBe(codes.length + 1);
    expect(await scores.getByText('Praktijkopdrachten met feedback van de opleider.').count()).toBe(1);
    // The history names every score and the decision, with who and why.
    const history = second.page.getByRole('table', { name: 'Geschiedenis van de beoordeling' });
    expect(await history.getByRole('cell', { name: 'Beslissing genomen' }).count()).toBe(1);
    expect(await history.getByRole('cell', { name: `Criterium gescoord ${FORGOTTEN}` }).count()).toBe(1);
    await portal().check(second, 'beoordelaar-besluit');
    await second.context.close();
  }, 120_000);

  it('beoordelaar-1 sees the conditions of a mark approved with conditions, and must justify that they are met', async () => {
    const tab = await portal().signIn('beoordelaar-1');
    const { page } = tab;
    await page.goto(`${portal().gatewayUrl}/beoordelen`);
    await page.getByLabel('Toon').selectOption('approved-with-conditions');
    await page.getByRole('button', { name: 'Filteren' }).click();
    // The demo data approves one Windesheim offer with conditions.
    const cases = page.getByRole('table', { name: 'Beoordelingen: goedgekeurd onder voorwaarden' });
    await cases.getByRole('link').first().click();
    expect(await page.getByRole('heading', { name: 'Voorwaarden van het keurmerk' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Scores per criterium' }).getByRole('row').count()).toBeGreaterThan(1);
    const fulfil = page.getByRole('button', { name: 'Voorwaarden vervuld' });
    if ((await fulfil.count()) > 0) {
      await fulfil.click();
      expect(await page.getByRole('link', { name: 'Geef aan waaruit blijkt dat aan de voorwaarden is voldaan' }).count()).toBe(1);
    }
    await portal().check(tab, 'beoordelaar-voorwaarden');
    await tab.context.close();
  }, 120_000);

  it('ministerie-ocw views the quality framework and checks a new version before publishing it', async () => {
    const tab = await portal().signIn('ministerie-ocw');
    const { page } = tab;
    await page.goto(`${portal().gatewayUrl}/ministerie/kwaliteitskader`);
    expect(await page.locator('h1').textContent()).toBe('Kwaliteitskader');
    const criteria = page.getByRole('table', { name: /^Criteria van versie \d+$/ });
    expect(await criteria.getByRole('cell', { name: 'K1', exact: true }).count()).toBe(1);
    await portal().check(tab, 'ministerie-kwaliteitskader');

    // A new version starts from the current criteria; without notes the form comes back, nothing published.
    await page.getByRole('link', { name: 'Nieuwe versie opstellen' }).click();
    expect(await page.getByLabel('Code van criterium 1').inputValue()).toBe('K1');
    await page.getByLabel('Titel van criterium 1').fill('Vraaggestuurd en passend');
    await page.getByLabel('Code van criterium 2').fill('K1');
    await page.getByRole('button', { name: 'Versie publiceren' }).click();
    expect(await page.getByRole('link', { name: 'Beschrijf wat er in deze versie verandert' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'De code K1 komt twee keer voor' }).count()).toBe(1);
    expect(await page.getByLabel('Titel van criterium 1').inputValue()).toBe('Vraaggestuurd en passend');
    await portal().check(tab, 'ministerie-kwaliteitskader-nieuw');
    await tab.context.close();
  }, 120_000);

  it('ministerie-ocw views the development paths and their steps, and drafts a new path with a second step', async () => {
    const tab = await portal().signIn('ministerie-ocw');
    const { page } = tab;
    await page.goto(`${portal().gatewayUrl}/ministerie/paden`);
    expect(await page.locator('h1').textContent()).toBe('Ontwikkelpaden');
    await portal().check(tab, 'ministerie-paden');

    await page.getByRole('link', { name: 'Van startbekwaam naar vakbekwaam' }).click();
    await portal().check(tab, 'ministerie-pad');
    await page.getByRole('link', { name: 'Versie 1' }).click();
    expect(await page.getByRole('table').count()).toBeGreaterThan(0);
    expect(await page.getByRole('columnheader', { name: 'Leerresultaten' }).count()).toBeGreaterThan(0);
    await portal().check(tab, 'ministerie-pad-versie');

    // A new path as a draft (only the ministry sees it): the form checks every field first.
    const code = `journey-${Date.now()}`;
    await page.goto(`${portal().gatewayUrl}/ministerie/paden`);
    await page.getByRole('link', { name: 'Nieuw ontwikkelpad' }).click();
    await page.getByLabel('Code van het pad').fill(code);
    await page.getByLabel('Titel van het pad').fill(`Proefpad ${code}`);
    await page.getByRole('button', { name: 'Ontwikkelpad aanmaken' }).click();
    expect(await page.getByRole('link', { name: 'Kies minstens één sector' }).count()).toBe(1);
    expect(await page.getByLabel('Code van het pad').inputValue()).toBe(code);
    await portal().check(tab, 'ministerie-pad-nieuw');
    await page.getByRole('checkbox', { name: 'Primair onderwijs' }).check();
    await page.getByLabel('Titel van de eerste fase').fill('Verkennen');
    await page.getByLabel('Code van de stap').fill('PP-1');
    await page.getByLabel('Titel van de stap').fill('Eigen praktijk onderzoeken');
    await page.getByRole('checkbox', { name: 'Pedagogiek' }).check();
    await page.getByLabel('Leerresultaten').fill('De leraar onderzoekt de eigen praktijk.');
    await page.getByLabel('Minimaal aantal uren').fill('12');
    await page.getByRole('button', { name: 'Ontwikkelpad aanmaken' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Het ontwikkelpad is aangemaakt als concept' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'Eigen praktijk onderzoeken' }).count()).toBe(1);

    // A second step in the draft; a taken code comes back as an error first.
    await page.getByLabel('Code van de stap').fill('PP-1');
    await page.getByLabel('Titel van de stap').fill('Samen leren in het team');
    await page.getByRole('checkbox', { name: 'Professionele gemeenschap' }).check();
    await page.getByLabel('Leerresultaten').fill('De leraar leert met collega’s.');
    await page.getByLabel('Minimaal aantal uren').fill('16');
    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    expect(await page.getByRole('link', { name: 'Er is al een stap met de code PP-1' }).count()).toBe(1);
    await page.getByLabel('Code van de stap').fill('PP-2');
    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'De stap is toegevoegd' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'Samen leren in het team' }).count()).toBe(1);
    await portal().check(tab, 'ministerie-pad-concept');
    await tab.context.close();
  }, 120_000);
}
