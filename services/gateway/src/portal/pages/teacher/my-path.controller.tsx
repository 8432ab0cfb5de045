import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formValues, requireFields, type FormValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, Button, ChoiceGroup, DataTable, Form, Heading, Link, Paragraph, SelectField, type FieldError } from '../../ui/components';
import { formatDate, formatNumber } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { FORMAT_NAMES, isUuid, nameOf, periodOf, SECTOR_NAMES, STEP_STATUS_NAMES, type PathSummary, type TeacherPath } from './teacher-data';

interface Suggestion {
  readonly stepCode: string;
  readonly offers: readonly {
    offerId: string;
    title: string;
    format: string;
    studyLoadHours: number;
    runs: readonly { runId: string; startDate: string; endDate: string; online: boolean; placesLeft: number }[];
  }[];
}

interface Consent {
  readonly given: boolean;
  readonly givenAt: string | null;
}

const NOTICES: Record<string, string> = {
  gestart: 'Uw ontwikkelpad is gestart.',
  toestemming: 'Uw keuze voor het teamoverzicht is opgeslagen.',
};

const PATH_SECTORS = ['po', 'vo', 'mbo'] as const;

/** A teacher's development path: progress per step, suggested offers for the open steps, credentials, and consent for the team view. */
@PortalPages('mijn/pad')
export class MyPathController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async path(@Req() request: GatewayRequest, @Res() response: Response, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    sendPage(request, response, await this.pathPage(principal, notice, {}, []));
  }

  @Post('starten')
  async start(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const values = formValues(body);
    const errors = requireFields(values, { pathId: 'Kies een ontwikkelpad', sector: 'Kies de sector waarin u lesgeeft' });
    if (values.pathId && !isUuid(values.pathId)) errors.push({ field: 'pathId', message: 'Kies een ontwikkelpad uit de lijst' });
    if (values.sector && !(PATH_SECTORS as readonly string[]).includes(values.sector)) errors.push({ field: 'sector', message: 'Kies een sector uit de lijst' });
    if (errors.length === 0) {
      const answer = await this.api.send(principal, 'paths', 'POST', '/v1/teacher-paths', { pathId: values.pathId, sector: values.sector });
      if (answer.ok) {
        redirectAfterPost(response, '/mijn/pad', 'gestart');
        return;
      }
      errors.push(...errorsOfProblem(answer.problem, 'pathId'));
    }
    sendPage(request, response, await this.pathPage(principal, undefined, values, errors), 400);
  }

  /** The credential as a file: the signed Open Badges credential (compact JWS) of a completed step or the whole path. */
  @Post('bewijs')
  async credential(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const values = formValues(body);
    const teacherPathId = isUuid(values.teacherPathId) ? values.teacherPathId : undefined;
    const stepCode = /^[A-Za-z0-9_-]{1,40}$/.test(values.stepCode ?? '') ? values.stepCode : undefined;
    const answer = teacherPathId ? await this.api.send<{ id: string; credential: string }>(principal, 'paths', 'POST', `/v1/teacher-paths/${teacherPathId}/credentials`, { stepCode }) : undefined;
    if (answer?.ok) {
      response.status(200).attachment(`bewijs-${stepCode ?? 'ontwikkelpad'}.jwt`).type('application/vc+jwt').send(answer.body.credential);
      return;
    }
    const errors = answer ? errorsOfProblem(answer.problem, 'bewijs') : [{ field: 'bewijs', message: 'Dit bewijs bestaat niet' }];
    sendPage(request, response, await this.pathPage(principal, undefined, {}, errors), answer?.status ?? 400);
  }

  @Post('toestemming')
  async consent(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const values = formValues(body);
    const errors: FieldError[] = values.given === 'ja' || values.given === 'nee' ? [] : [{ field: 'given', message: 'Kies of uw schoolleider uw voortgang mag zien' }];
    if (errors.length === 0) {
      const answer = await this.api.send(principal, 'paths', 'PUT', `/v1/teachers/${principal.teacherId}/team-view-consent`, { given: values.given === 'ja' });
      if (answer.ok) {
        redirectAfterPost(response, '/mijn/pad', 'toestemming');
        return;
      }
      errors.push(...errorsOfProblem(answer.problem, 'given'));
    }
    sendPage(request, response, await this.pathPage(principal, undefined, values, errors), 400);
  }

  private async pathPage(principal: Principal, notice: string | undefined, values: FormValues, errors: FieldError[]) {
    const [paths, available, consent] = await Promise.all([
      this.api.get<TeacherPath[]>(principal, 'paths', '/v1/teacher-paths'),
      this.api.get<PathSummary[]>(principal, 'paths', '/v1/paths'),
      principal.teacherId ? this.api.find<Consent>(principal, 'paths', `/v1/teachers/${principal.teacherId}/team-view-consent`) : undefined,
    ]);
    const suggestions = await Promise.all(paths.map((path) => this.api.get<Suggestion[]>(principal, 'paths', `/v1/teacher-paths/${path.teacherPathId}/suggestions`)));
    const started = new Set(paths.map((path) => path.pathId));
    const startable = available.filter((path) => path.currentVersion !== null && !started.has(path.pathId));
    return (
      <Layout title="Mijn ontwikkelpad" errors={errors}>
        {notice && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        {paths.length === 0 ? <Paragraph lead>U volgt nog geen ontwikkelpad. Kies hieronder een pad om te beginnen.</Paragraph> : null}
        {paths.map((path, index) => (
          <PathProgress key={path.teacherPathId} path={path} suggestions={suggestions[index]} />
        ))}
        {paths.length > 0 ? <ConsentForm consent={consent} values={values} errors={errors} /> : null}
        {startable.length > 0 ? (
          <section aria-labelledby="pad-starten">
            <Heading level={2} id="pad-starten">
              {paths.length === 0 ? 'Een ontwikkelpad beginnen' : 'Nog een ontwikkelpad beginnen'}
            </Heading>
            <Form action="/mijn/pad/starten" label="Ontwikkelpad beginnen">
              <SelectField name="pathId" label="Ontwikkelpad" value={values.pathId} errors={errors} choices={startable.map((path) => ({ value: path.pathId, label: path.title }))} emptyLabel="Kies een pad" />
              <SelectField name="sector" label="Sector" value={values.sector} errors={errors} choices={PATH_SECTORS.map((sector) => ({ value: sector, label: SECTOR_NAMES[sector] }))} emptyLabel="Kies een sector" />
              <Button>Ontwikkelpad beginnen</Button>
            </Form>
          </section>
        ) : null}
      </Layout>
    );
  }
}

function PathProgress({ path, suggestions }: { path: TeacherPath; suggestions: readonly Suggestion[] }) {
  const open = suggestions.filter((suggestion) => suggestion.offers.length > 0);
  return (
    <section aria-labelledby={`pad-${path.teacherPathId}`}>
      <Heading level={2} id={`pad-${path.teacherPathId}`}>
        {path.pathTitle}
      </Heading>
      <Paragraph>
        {path.completedAt
          ? `Afgerond op ${formatDate(path.completedAt)}.`
          : `${formatNumber(path.completedSteps)} van ${formatNumber(path.totalSteps)} stappen afgerond. Begonnen op ${formatDate(path.startedAt)}.`}
      </Paragraph>
      <progress className="napl-progress" max={path.totalSteps} value={path.completedSteps} aria-label={`Voortgang ${path.pathTitle}`}>
        {path.completedSteps} van {path.totalSteps}
      </progress>
      <DataTable
        caption={`Stappen van ${path.pathTitle}`}
        rows={path.steps}
        rowKey={(step) => step.code}
        columns={[
          { header: 'Stap', cell: (step) => `${step.code}: ${step.title}` },
          { header: 'Fase', cell: (step) => step.phase },
          { header: 'Status', cell: (step) => `${STEP_STATUS_NAMES[step.status]}${step.completedBy === 'recognition' ? ' (erkend)' : ''}` },
          { header: 'Uren', cell: (step) => (step.hoursRequired === null ? formatNumber(step.hoursCounted) : `${formatNumber(step.hoursCounted)} van ${formatNumber(step.hoursRequired)}`), numeric: true },
          { header: 'Nog nodig', cell: (step) => (step.formatsMissing.length > 0 ? step.formatsMissing.map((format) => nameOf(FORMAT_NAMES, format)).join(', ') : '–') },
          { header: 'Bewijs', cell: (step) => (step.status === 'completed' ? <CredentialButton teacherPathId={path.teacherPathId} stepCode={step.code} label={`Bewijs van ${step.code} downloaden`} /> : '–') },
        ]}
      />
      {path.completedAt ? <CredentialButton teacherPathId={path.teacherPathId} label="Bewijs van het hele pad downloaden" /> : null}
      <Heading level={3}>Aanbod voor uw volgende stappen</Heading>
      {open.length === 0 ? <Paragraph>Er is nu geen aanbod met vrije plaatsen voor uw open stappen.</Paragraph> : null}
      {open.map((suggestion) => (
        <div key={suggestion.stepCode}>
          <Paragraph>
            <strong>{path.steps.find((step) => step.code === suggestion.stepCode)?.title ?? suggestion.stepCode}</strong>
          </Paragraph>
          <ul className="utrecht-unordered-list">
            {suggestion.offers.map((offer) => (
              <li key={offer.offerId}>
                <Link href={`/aanbod/${offer.offerId}`}>{offer.title}</Link> ({nameOf(FORMAT_NAMES, offer.format).toLowerCase()}, {formatNumber(offer.studyLoadHours)} uur
                {offer.runs[0] ? `; eerstvolgende: ${periodOf(offer.runs[0].startDate, offer.runs[0].endDate, formatDate)}, ${formatNumber(offer.runs[0].placesLeft)} plaatsen vrij` : ''})
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function CredentialButton({ teacherPathId, stepCode, label }: { teacherPathId: string; stepCode?: string; label: string }) {
  return (
    <Form action="/mijn/pad/bewijs" inline label={label}>
      <input type="hidden" name="teacherPathId" value={teacherPathId} />
      {stepCode ? <input type="hidden" name="stepCode" value={stepCode} /> : null}
      <Button secondary>{label}</Button>
    </Form>
  );
}

function ConsentForm({ consent, values, errors }: { consent: Consent | undefined; values: FormValues; errors: readonly FieldError[] }) {
  const current = values.given ?? (consent?.given ? 'ja' : 'nee');
  return (
    <section aria-labelledby="toestemming">
      <Heading level={2} id="toestemming">
        Teamoverzicht van uw schoolleider
      </Heading>
      <Paragraph>
        Uw schoolleider ziet altijd alleen aantallen. Met uw toestemming ziet hij of zij ook uw eigen voortgang.
        {consent?.given && consent.givenAt ? ` U gaf toestemming op ${formatDate(consent.givenAt)}.` : ''}
      </Paragraph>
      <Form action="/mijn/pad/toestemming" label="Toestemming teamoverzicht">
        <ChoiceGroup
          name="given"
          label="Mag uw schoolleider uw voortgang zien?"
          value={current}
          errors={errors}
          choices={[
            { value: 'ja', label: 'Ja, mijn schoolleider mag mijn voortgang zien' },
            { value: 'nee', label: 'Nee, alleen in de aantallen van het team' },
          ]}
        />
        <Button secondary>Keuze opslaan</Button>
      </Form>
    </section>
  );
}
