import { randomUUID } from 'node:crypto';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { hasRole, type Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi, PortalApiError } from '../../application/portal-api';
import { ReferenceDataCache } from '../../application/reference-data-cache';
import { errorsOfProblem, formValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ButtonLink, ChoiceGroup, DataTable, Form, Heading, Link, Pagination, Paragraph, SelectField, SummaryList, Tag, TextField, type Choice, type FieldError } from '../../ui/components';
import { formatDate, formatEuro, formatNumber } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { PAGE_SIZE, readSearchForm, searchHref, searchQueryOf, type SearchForm } from './offer-search';
import {
  ENROLMENT_MODE_NAMES,
  FORMAT_NAMES,
  MARK_STATUS_NAMES,
  MODE_NAMES,
  nameOf,
  notFound,
  periodOf,
  requireUuid,
  SECTOR_NAMES,
  type CatalogueRun,
  type Mark,
  type Offer,
  type OfferContent,
  type PathSummary,
  type SearchPage,
  type Teacher,
} from './teacher-data';

interface FilterChoices {
  readonly regions: readonly Choice[];
  readonly pathSteps: readonly Choice[];
  readonly providers: ReadonlyMap<string, string>;
}

interface PathVersion {
  readonly content: { phases: readonly { steps: readonly { code: string; title: string }[] }[] };
}

/** Find offers (search with filters), an offer with its runs and quality mark, and enrol in a run after checking the answers. */
@PortalPages('aanbod')
export class OfferPagesController {
  constructor(
    private readonly api: PortalApi,
    private readonly referenceData: ReferenceDataCache,
  ) {}

  @Get()
  async search(@Req() request: GatewayRequest, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const principal = principalOf(request, 'teacher', 'school-leader');
    const { form, errors } = readSearchForm(query);
    const [choices, results] = await Promise.all([this.filterChoices(principal), errors.length === 0 ? this.runSearch(principal, form) : undefined]);
    const allErrors = [...errors, ...(results && 'errors' in results ? results.errors : [])];
    sendPage(
      request,
      response,
      <Layout title="Aanbod zoeken" errors={allErrors}>
        <Paragraph lead>Zoek erkend professionaliseringsaanbod. Alle filters zijn optioneel.</Paragraph>
        <SearchFormView form={form} errors={allErrors} choices={choices} />
        {results && 'page' in results ? <SearchResults form={form} page={results.page} providers={choices.providers} /> : null}
      </Layout>,
      allErrors.length > 0 ? 400 : 200,
    );
  }

  @Get(':offerId')
  async offer(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string): Promise<void> {
    const principal = principalOf(request, 'teacher', 'school-leader');
    requireUuid(offerId);
    const [offer, runs, marks, regions] = await Promise.all([
      this.api.get<Offer>(principal, 'catalogue', `/v1/offers/${offerId}`),
      this.api.get<{ items: CatalogueRun[] }>(principal, 'catalogue', `/v1/offers/${offerId}/runs`, { pageSize: 100 }),
      this.api.get<{ items: Mark[] }>(principal, 'quality', '/v1/marks', { offerId, limit: 10 }),
      this.regions(principal),
    ]);
    const content = contentOf(offer);
    const provider = await this.api.find<{ name: string }>(principal, 'catalogue', `/v1/providers/${offer.providerId}`);
    const mark = marks.items.find((item) => item.status === 'valid') ?? marks.items[0];
    const teamLeader = hasRole(principal, 'school-leader');
    const upcoming = runs.items.filter((run) => run.status === 'scheduled');
    sendPage(
      request,
      response,
      <Layout title={content.title} caption={provider?.name} before={<BackLink href="/aanbod">Terug naar zoeken</BackLink>}>
        <Paragraph lead>{content.summary}</Paragraph>
        <OfferFacts content={content} mark={mark} regions={regions} />
        <Heading level={2}>Beschrijving</Heading>
        <Paragraph>{content.description}</Paragraph>
        {content.learningOutcomes.length > 0 ? (
          <>
            <Heading level={2}>Wat u leert</Heading>
            <ul className="utrecht-unordered-list">
              {content.learningOutcomes.map((outcome) => (
                <li key={outcome}>{outcome}</li>
              ))}
            </ul>
          </>
        ) : null}
        <Heading level={2}>Uitvoeringen</Heading>
        <DataTable
          caption={`Uitvoeringen van ${content.title}`}
          rows={upcoming}
          rowKey={(run) => run.runId}
          empty="Er zijn nog geen uitvoeringen gepland."
          columns={[
            { header: 'Periode', cell: (run) => periodOf(run.startDate, run.endDate, formatDate) },
            { header: 'Bijeenkomsten', cell: (run) => formatNumber(run.sessions.length), numeric: true },
            { header: 'Waar', cell: (run) => (run.online ? 'Online' : (run.location ?? '–')) },
            { header: 'Plaatsen vrij', cell: (run) => `${formatNumber(run.placesLeft)} van ${formatNumber(run.capacity)}`, numeric: true },
            { header: 'Inschrijven', cell: (run) => <RunAction run={run} content={content} teamLeader={teamLeader} teacher={hasRole(principal, 'teacher')} /> },
          ]}
        />
      </Layout>,
    );
  }

  @Get(':offerId/uitvoeringen/:runId/inschrijven')
  async confirmEnrolment(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Param('runId') runId: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const page = await this.enrolmentPage(principal, offerId, runId, randomUUID(), []);
    sendPage(request, response, page);
  }

  @Post(':offerId/uitvoeringen/:runId/inschrijven')
  async enrol(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Param('runId') runId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    requireUuid(offerId);
    requireUuid(runId);
    const values = formValues(body);
    const idempotencyKey = /^[0-9a-f-]{36}$/.test(values.idempotencyKey ?? '') ? values.idempotencyKey : randomUUID();
    const answer = await this.api.send<{ status: string }>(principal, 'enrolments', 'POST', `/v1/runs/${runId}/enrolments`, undefined, { idempotencyKey });
    if (answer.ok) {
      redirectAfterPost(response, '/mijn/inschrijvingen', answer.body.status === 'waitlisted' ? 'wachtlijst' : 'ingeschreven');
      return;
    }
    const errors = errorsOfProblem(answer.problem, 'bevestigen');
    // A refused enrolment: the same check page with the reason, and a new key so a corrected try is a new request.
    sendPage(request, response, await this.enrolmentPage(principal, offerId, runId, randomUUID(), errors), answer.status >= 500 ? 502 : answer.status);
  }

  private async enrolmentPage(principal: Principal, offerId: string, runId: string, idempotencyKey: string, errors: FieldError[]) {
    requireUuid(offerId);
    requireUuid(runId);
    const [offer, run, teacher] = await Promise.all([
      this.api.get<Offer>(principal, 'catalogue', `/v1/offers/${offerId}`),
      this.api.get<CatalogueRun>(principal, 'catalogue', `/v1/runs/${runId}`),
      this.api.find<Teacher>(principal, 'enrolments', '/v1/teachers/me'),
    ]);
    if (run.offerId !== offerId) notFound();
    const content = contentOf(offer);
    const full = run.enrolment === 'waiting-list';
    return (
      <Layout title="Controleer uw inschrijving" caption={content.title} errors={errors} before={<BackLink href={`/aanbod/${offerId}`}>Terug naar het aanbod</BackLink>}>
        <SummaryList
          rows={[
            ['Aanbod', <Link href={`/aanbod/${offerId}`}>{content.title}</Link>],
            ['Periode', periodOf(run.startDate, run.endDate, formatDate)],
            ['Bijeenkomsten', formatNumber(run.sessions.length)],
            ['Waar', run.online ? 'Online' : (run.location ?? '–')],
            ['Prijs per deelnemer', formatEuro(run.priceCents)],
            ['Inschrijven kan tot', formatDate(run.enrolmentDeadline)],
            ['Plaatsen vrij', `${formatNumber(run.placesLeft)} van ${formatNumber(run.capacity)}`],
            ['Uw school', teacher?.schoolName ?? '–'],
          ]}
        />
        {run.enrolment === 'closed' ? (
          <Alert type="warning">Inschrijven voor deze uitvoering kan niet meer.</Alert>
        ) : (
          <>
            {full ? (
              <Alert type="warning">Deze uitvoering is vol. U komt op de wachtlijst; als er een plaats vrijkomt, schuift u door en krijgt u een melding.</Alert>
            ) : (
              <Paragraph>Er is nog plaats. Na het bevestigen bent u direct ingeschreven.</Paragraph>
            )}
            <Form action={`/aanbod/${offerId}/uitvoeringen/${runId}/inschrijven`} label="Inschrijving bevestigen">
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <div id="field-bevestigen">
                <Button>{full ? 'Op de wachtlijst zetten' : 'Inschrijving bevestigen'}</Button>
              </div>
            </Form>
          </>
        )}
      </Layout>
    );
  }

  /** The catalogue's results, or its refusal of a filter as the form's errors (the form checks first; this is a safety net). */
  private async runSearch(principal: Principal, form: SearchForm): Promise<{ page: SearchPage } | { errors: FieldError[] }> {
    try {
      return { page: await this.api.get<SearchPage>(principal, 'catalogue', '/v1/search/offers', searchQueryOf(form)) };
    } catch (error) {
      if (error instanceof PortalApiError && error.status === 400) return { errors: errorsOfProblem(error.problem, 'q') };
      throw error;
    }
  }

  /** The education regions (the reimbursement service keeps them), as choices; the same for every user of a role, kept a minute. */
  private regions(principal: Principal): Promise<Choice[]> {
    return this.referenceData.get(`regions:${[...principal.roles].sort().join(',')}`, 60_000, () => this.loadRegions(principal));
  }

  private async loadRegions(principal: Principal): Promise<Choice[]> {
    const page = await this.api.get<{ items: { regionId: string; name: string }[] }>(principal, 'reimbursement', '/v1/regions', { limit: 100 });
    return page.items.map((region) => ({ value: region.regionId, label: region.name }));
  }

  /**
   * The choices of the filters: regions, the steps of the published paths, and the providers' names for the results.
   * The same for every user of a role, so kept for a minute (a new path step shows within a minute).
   */
  private filterChoices(principal: Principal): Promise<FilterChoices> {
    return this.referenceData.get(`offer-filters:${[...principal.roles].sort().join(',')}`, 60_000, () => this.loadFilterChoices(principal));
  }

  private async loadFilterChoices(principal: Principal): Promise<FilterChoices> {
    const [regions, paths, providers] = await Promise.all([
      this.regions(principal),
      this.api.get<PathSummary[]>(principal, 'paths', '/v1/paths'),
      this.api.get<{ items: { providerId: string; name: string }[] }>(principal, 'catalogue', '/v1/providers', { pageSize: 100 }),
    ]);
    const versions = await Promise.all(
      paths.filter((path) => path.currentVersion !== null).map((path) => this.api.find<PathVersion>(principal, 'paths', `/v1/paths/${path.pathId}/versions/${path.currentVersion}`)),
    );
    const steps = new Map<string, string>();
    for (const version of versions) for (const phase of version?.content.phases ?? []) for (const step of phase.steps) steps.set(step.code, `${step.code}: ${step.title}`);
    return {
      regions,
      pathSteps: [...steps].map(([value, label]) => ({ value, label })),
      providers: new Map(providers.items.map((provider) => [provider.providerId, provider.name])),
    };
  }
}

/** The published content; an offer without it (withdrawn, or not yet published) does not exist for a teacher. */
function contentOf(offer: Offer): OfferContent {
  return offer.content ?? notFound();
}

const choicesOf = (names: Record<string, string>): Choice[] => Object.entries(names).map(([value, label]) => ({ value, label }));

function SearchFormView({ form, errors, choices }: { form: SearchForm; errors: readonly FieldError[]; choices: FilterChoices }) {
  return (
    <Form action="/aanbod" method="get" label="Aanbod zoeken">
      <TextField name="q" label="Zoekwoorden" type="search" value={form.q} errors={errors} description="Bijvoorbeeld: formatief evalueren" />
      <SelectField name="sector" label="Sector" value={form.sector} errors={errors} choices={choicesOf(SECTOR_NAMES)} emptyLabel="Alle sectoren" />
      <SelectField name="region" label="Onderwijsregio" value={form.region} errors={errors} choices={choices.regions} emptyLabel="Alle regio's" description="Landelijk aanbod telt in elke regio mee." />
      <SelectField name="pathStep" label="Stap in een ontwikkelpad" value={form.pathStep} errors={errors} choices={choices.pathSteps} emptyLabel="Alle stappen" />
      <SelectField name="format" label="Vorm" value={form.format} errors={errors} choices={choicesOf(FORMAT_NAMES)} emptyLabel="Alle vormen" />
      <TextField name="startsFrom" label="Start vanaf" value={form.startsFrom} errors={errors} description="Bijvoorbeeld 31-1-2027" width="short" />
      <TextField name="startsUntil" label="Start uiterlijk" value={form.startsUntil} errors={errors} description="Bijvoorbeeld 30-6-2027" width="short" />
      <ChoiceGroup name="plaatsen" label="Plaatsen" multiple value={form.openPlaces ? 'ja' : ''} choices={[{ value: 'ja', label: 'Alleen aanbod met een uitvoering met vrije plaatsen' }]} />
      <Button>Zoeken</Button>
    </Form>
  );
}

function SearchResults({ form, page, providers }: { form: SearchForm; page: SearchPage; providers: ReadonlyMap<string, string> }) {
  const lastPage = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const total = page.totalIsExact ? formatNumber(page.total) : `${formatNumber(page.total)}+`;
  return (
    <section aria-labelledby="resultaten">
      <Heading level={2} id="resultaten">
        {page.total === 1 ? '1 resultaat' : `${total} resultaten`}
      </Heading>
      {page.items.length === 0 ? <Paragraph>Er is geen aanbod gevonden. Probeer minder filters of andere zoekwoorden.</Paragraph> : null}
      {page.total > PAGE_SIZE ? (
        <Paragraph>
          Pagina {formatNumber(page.page)} van {formatNumber(lastPage)}
        </Paragraph>
      ) : null}
      <ul className="napl-results">
        {page.items.map((hit) => (
          <li key={hit.offerId} className="napl-card">
            <Heading level={3}>
              <Link href={`/aanbod/${hit.offerId}`}>{hit.title}</Link>
            </Heading>
            <Paragraph>{hit.summary}</Paragraph>
            <SummaryList
              rows={[
                ['Aanbieder', providers.get(hit.providerId) ?? '–'],
                ['Vorm', `${nameOf(FORMAT_NAMES, hit.format)}, ${nameOf(MODE_NAMES, hit.deliveryMode).toLowerCase()}`],
                ['Sector', hit.sectors.map((sector) => nameOf(SECTOR_NAMES, sector)).join(', ')],
                ['Studiebelasting', `${formatNumber(hit.studyLoadHours)} uur`],
                ['Prijs per deelnemer', formatEuro(hit.priceCents)],
                ['Eerstvolgende start', formatDate(hit.nextStartDate)],
              ]}
            />
          </li>
        ))}
      </ul>
      <Pagination previousHref={page.page > 1 ? searchHref(form, page.page - 1) : undefined} nextHref={page.page < lastPage ? searchHref(form, page.page + 1) : undefined} />
    </section>
  );
}

function OfferFacts({ content, mark, regions }: { content: OfferContent; mark: Mark | undefined; regions: readonly Choice[] }) {
  const regionName = (regionId: string): string => regions.find((region) => region.value === regionId)?.label ?? regionId;
  return (
    <SummaryList
      rows={[
        ['Keurmerk', mark ? `${MARK_STATUS_NAMES[mark.status]}${mark.status === 'valid' ? ` tot ${formatDate(mark.validUntil)}` : ''}${mark.withConditions ? ' (met voorwaarden)' : ''}` : 'Geen keurmerk'],
        ['Vorm', `${nameOf(FORMAT_NAMES, content.format)}, ${nameOf(MODE_NAMES, content.deliveryMode).toLowerCase()}`],
        ['Sector', content.sectors.map((sector) => nameOf(SECTOR_NAMES, sector)).join(', ')],
        ['Waar', content.national ? 'Landelijk' : content.regionIds.map(regionName).join(', ')],
        ['Studiebelasting', `${formatNumber(content.studyLoadHours)} uur`],
        ['Prijs per deelnemer', `${formatEuro(content.priceCents)} (${content.priceCovers})`],
        ['Stappen in ontwikkelpaden', content.pathStepCodes.length > 0 ? content.pathStepCodes.join(', ') : '–'],
        ['Teamprogramma', content.teamProgramme ? 'Ja: een schoolleider schrijft het team in' : 'Nee'],
      ]}
    />
  );
}

/** What a user can do with a run: a teacher enrols (not in a team programme), a school leader enrols a team. */
function RunAction({ run, content, teamLeader, teacher }: { run: CatalogueRun; content: OfferContent; teamLeader: boolean; teacher: boolean }) {
  if (run.enrolment === 'closed') return <Tag>{ENROLMENT_MODE_NAMES.closed}</Tag>;
  const period = formatDate(run.startDate);
  if (content.teamProgramme) {
    return teamLeader ? <ButtonLink href={`/team/inschrijven?run=${run.runId}`} secondary>{`Team inschrijven voor ${period}`}</ButtonLink> : <>Alleen via uw schoolleider</>;
  }
  if (!teacher) return <Tag>{ENROLMENT_MODE_NAMES[run.enrolment]}</Tag>;
  return (
    <ButtonLink href={`/aanbod/${run.offerId}/uitvoeringen/${run.runId}/inschrijven`} secondary>
      {run.enrolment === 'waiting-list' ? `Wachtlijst voor ${period}` : `Inschrijven voor ${period}`}
    </ButtonLink>
  );
}
