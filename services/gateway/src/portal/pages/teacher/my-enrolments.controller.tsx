import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formValues, type FormValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ChoiceGroup, DataTable, Form, Heading, Link, Paragraph, SummaryList, TextArea, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { cancelCauseName, periodOf, requireUuid, runsById, STATUS_NAMES, type Enrolment, type EnrolmentRun } from './teacher-data';

interface Notification {
  readonly notificationId: string;
  readonly enrolmentId: string;
  readonly kind: 'promoted' | 'cancelled';
  readonly message: string;
  readonly createdAt: string;
}

interface OpenEvaluation {
  readonly enrolmentId: string;
  readonly offerId: string;
  readonly completedAt: string;
}

const NOTICES: Record<string, string> = {
  ingeschreven: 'U bent ingeschreven. U vindt de uitvoering hieronder.',
  wachtlijst: 'De uitvoering is vol: u staat op de wachtlijst. Uw plaats op de wachtlijst staat hieronder.',
  geannuleerd: 'Uw inschrijving is geannuleerd.',
  geevalueerd: 'Bedankt voor uw evaluatie.',
};

const QUESTIONS = [
  { name: 'relevance', label: 'Hoe bruikbaar was het voor uw praktijk?' },
  { name: 'teachingEffect', label: 'Hoeveel effect heeft het op uw eigen lesgeven?' },
  { name: 'trainerQuality', label: 'Hoe goed was de opleider?' },
  { name: 'wouldRecommend', label: 'Zou u het aan collega’s aanbevelen?' },
] as const;

const SCALE = [
  { value: '1', label: '1 – helemaal niet' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5 – heel erg' },
];

/** A teacher's enrolments with their state, cancelling one (after a check), the evaluation after completing, and the messages about them. */
@PortalPages('mijn')
export class MyEnrolmentsController {
  constructor(private readonly api: PortalApi) {}

  @Get('inschrijvingen')
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const [enrolments, open] = await Promise.all([
      this.api.getAll<Enrolment>(principal, 'enrolments', '/v1/enrolments', {}, 10),
      this.api.get<OpenEvaluation[]>(principal, 'quality', '/v1/evaluations/open'),
    ]);
    const runs = await runsById(this.api, principal, enrolments.map((enrolment) => enrolment.runId));
    const toEvaluate = new Set(open.map((item) => item.enrolmentId));
    const active = enrolments.filter((enrolment) => enrolment.status === 'confirmed' || enrolment.status === 'waitlisted');
    const past = enrolments.filter((enrolment) => !active.includes(enrolment));
    const columns = enrolmentColumns(runs, toEvaluate);
    sendPage(
      request,
      response,
      <Layout title="Mijn inschrijvingen">
        {notice && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        <Heading level={2}>Lopend en gepland</Heading>
        <DataTable caption="Uw lopende en geplande inschrijvingen" columns={columns} rows={active} rowKey={(row) => row.enrolmentId} empty="U heeft geen lopende inschrijvingen." />
        <Paragraph>
          <Link href="/aanbod">Aanbod zoeken</Link>
        </Paragraph>
        <Heading level={2}>Eerder</Heading>
        <DataTable caption="Uw afgeronde en geannuleerde inschrijvingen" columns={columns} rows={past} rowKey={(row) => row.enrolmentId} empty="Nog geen eerdere inschrijvingen." />
      </Layout>,
    );
  }

  @Get('inschrijvingen/:enrolmentId/annuleren')
  async confirmCancel(@Req() request: GatewayRequest, @Res() response: Response, @Param('enrolmentId') enrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    sendPage(request, response, await this.cancelPage(principal, enrolmentId, []));
  }

  @Post('inschrijvingen/:enrolmentId/annuleren')
  async cancel(@Req() request: GatewayRequest, @Res() response: Response, @Param('enrolmentId') enrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    requireUuid(enrolmentId);
    const answer = await this.api.send(principal, 'enrolments', 'POST', `/v1/enrolments/${enrolmentId}/cancel`);
    if (answer.ok) {
      redirectAfterPost(response, '/mijn/inschrijvingen', 'geannuleerd');
      return;
    }
    sendPage(request, response, await this.cancelPage(principal, enrolmentId, errorsOfProblem(answer.problem, 'annuleren')), answer.status >= 500 ? 502 : answer.status);
  }

  @Get('inschrijvingen/:enrolmentId/evaluatie')
  async evaluationForm(@Req() request: GatewayRequest, @Res() response: Response, @Param('enrolmentId') enrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    sendPage(request, response, await this.evaluationPage(principal, enrolmentId, {}, []));
  }

  @Post('inschrijvingen/:enrolmentId/evaluatie')
  async evaluate(@Req() request: GatewayRequest, @Res() response: Response, @Param('enrolmentId') enrolmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    requireUuid(enrolmentId);
    const values = formValues(body);
    const errors = [
      ...QUESTIONS.filter((question) => !/^[1-5]$/.test(values[question.name] ?? '')).map((question) => ({ field: question.name, message: `Kies bij ‘${question.label}’ een cijfer van 1 tot en met 5` })),
      ...(values.comment && values.comment.length > 2000 ? [{ field: 'comment', message: 'De toelichting mag hoogstens 2000 tekens lang zijn' }] : []),
    ];
    if (errors.length === 0) {
      const answer = await this.api.send(principal, 'quality', 'POST', '/v1/evaluations', {
        enrolmentId,
        ...Object.fromEntries(QUESTIONS.map((question) => [question.name, Number(values[question.name])])),
        comment: values.comment || undefined,
      });
      if (answer.ok) {
        redirectAfterPost(response, '/mijn/inschrijvingen', 'geevalueerd');
        return;
      }
      errors.push(...errorsOfProblem(answer.problem, 'relevance'));
    }
    sendPage(request, response, await this.evaluationPage(principal, enrolmentId, values, errors), 400);
  }

  /** The messages the enrolments service keeps for the teacher (moved up from the waiting list, a run cancelled). */
  @Get('meldingen')
  async notifications(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const notifications = await this.api.getAll<Notification>(principal, 'enrolments', '/v1/teachers/me/notifications', {}, 10);
    sendPage(
      request,
      response,
      <Layout title="Meldingen">
        <Paragraph lead>Berichten over uw inschrijvingen: als u van de wachtlijst doorschuift of een uitvoering niet doorgaat.</Paragraph>
        <DataTable
          caption="Uw meldingen, nieuwste eerst"
          rows={[...notifications].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          rowKey={(row) => row.notificationId}
          empty="U heeft geen meldingen."
          columns={[
            { header: 'Datum', cell: (row) => formatDateTime(row.createdAt) },
            { header: 'Soort', cell: (row) => (row.kind === 'promoted' ? 'Doorgeschoven van de wachtlijst' : 'Uitvoering geannuleerd') },
            { header: 'Bericht', cell: (row) => row.message },
          ]}
        />
        <Paragraph>
          <Link href="/mijn/inschrijvingen">Naar mijn inschrijvingen</Link>
        </Paragraph>
      </Layout>,
    );
  }

  private async enrolmentAndRun(principal: Principal, enrolmentId: string): Promise<{ enrolment: Enrolment; run: EnrolmentRun | undefined }> {
    requireUuid(enrolmentId);
    const enrolment = await this.api.get<Enrolment>(principal, 'enrolments', `/v1/enrolments/${enrolmentId}`);
    const run = await this.api.find<EnrolmentRun>(principal, 'enrolments', `/v1/runs/${enrolment.runId}`);
    return { enrolment, run };
  }

  private async cancelPage(principal: Principal, enrolmentId: string, errors: FieldError[]) {
    const { enrolment, run } = await this.enrolmentAndRun(principal, enrolmentId);
    const cancellable = enrolment.status === 'confirmed' || enrolment.status === 'waitlisted';
    return (
      <Layout title="Weet u zeker dat u wilt annuleren?" caption={run?.offerTitle} errors={errors} before={<BackLink href="/mijn/inschrijvingen">Terug naar mijn inschrijvingen</BackLink>}>
        <EnrolmentSummary enrolment={enrolment} run={run} />
        {cancellable ? (
          <>
            <Paragraph>
              Na het annuleren is uw plaats weg{enrolment.status === 'confirmed' ? '; de eerste op de wachtlijst krijgt hem' : ''}. Wilt u later toch meedoen, dan schrijft u zich opnieuw
              in.
            </Paragraph>
            <Form action={`/mijn/inschrijvingen/${enrolment.enrolmentId}/annuleren`} label="Inschrijving annuleren">
              <div id="field-annuleren">
                <Button>Ja, inschrijving annuleren</Button>
              </div>
            </Form>
          </>
        ) : (
          <Alert type="warning">Deze inschrijving kan niet meer worden geannuleerd.</Alert>
        )}
      </Layout>
    );
  }

  private async evaluationPage(principal: Principal, enrolmentId: string, values: FormValues, errors: FieldError[]) {
    const [{ enrolment, run }, open] = await Promise.all([
      this.enrolmentAndRun(principal, enrolmentId),
      this.api.get<OpenEvaluation[]>(principal, 'quality', '/v1/evaluations/open'),
    ]);
    // Only a completed enrolment that was not evaluated yet has the form (the quality service allows one evaluation).
    if (!open.some((item) => item.enrolmentId === enrolment.enrolmentId)) {
      return (
        <Layout title="Evaluatie" caption={run?.offerTitle} before={<BackLink href="/mijn/inschrijvingen">Terug naar mijn inschrijvingen</BackLink>}>
          <Alert type="info">U kunt deze inschrijving niet (meer) evalueren: dat kan één keer, nadat u het aanbod heeft afgerond.</Alert>
        </Layout>
      );
    }
    return (
      <Layout title="Evaluatie" caption={run?.offerTitle} errors={errors} before={<BackLink href="/mijn/inschrijvingen">Terug naar mijn inschrijvingen</BackLink>}>
        <Paragraph lead>Uw antwoorden helpen andere leraren kiezen en de opleider verbeteren. De opleider ziet alleen de antwoorden van alle deelnemers samen.</Paragraph>
        <Form action={`/mijn/inschrijvingen/${enrolment.enrolmentId}/evaluatie`} label="Evaluatie">
          {QUESTIONS.map((question) => (
            <ChoiceGroup key={question.name} name={question.name} label={question.label} choices={SCALE} value={values[question.name]} errors={errors} />
          ))}
          <TextArea name="comment" label="Toelichting (optioneel)" description="Noem geen namen." value={values.comment} errors={errors} />
          <Button>Evaluatie versturen</Button>
        </Form>
      </Layout>
    );
  }
}

function EnrolmentSummary({ enrolment, run }: { enrolment: Enrolment; run: EnrolmentRun | undefined }) {
  return (
    <SummaryList
      rows={[
        ['Aanbod', run ? <Link href={`/aanbod/${run.offerId}`}>{run.offerTitle}</Link> : '–'],
        ['Periode', run ? periodOf(run.startDate, run.endDate, formatDate) : '–'],
        ['Status', statusText(enrolment)],
        ['Ingeschreven op', formatDate(enrolment.enrolledAt)],
      ]}
    />
  );
}

function statusText(enrolment: Enrolment): string {
  if (enrolment.status === 'waitlisted' && enrolment.waitingListPosition) return `${STATUS_NAMES.waitlisted} (plaats ${enrolment.waitingListPosition})`;
  if (enrolment.status === 'cancelled') return `${STATUS_NAMES.cancelled} ${cancelCauseName(enrolment.cancellationCause)}`.trim();
  if (enrolment.status === 'not_completed' && enrolment.notCompletedReason) return `${STATUS_NAMES.not_completed}: ${enrolment.notCompletedReason}`;
  return STATUS_NAMES[enrolment.status] ?? enrolment.status;
}

function enrolmentColumns(runs: ReadonlyMap<string, EnrolmentRun>, toEvaluate: ReadonlySet<string>) {
  return [
    {
      header: 'Aanbod',
      cell: (row: Enrolment) => {
        const run = runs.get(row.runId);
        return <Link href={`/aanbod/${row.offerId}`}>{run?.offerTitle ?? 'Aanbod'}</Link>;
      },
    },
    { header: 'Periode', cell: (row: Enrolment) => { const run = runs.get(row.runId); return run ? periodOf(run.startDate, run.endDate, formatDate) : '–'; } },
    { header: 'Status', cell: (row: Enrolment) => statusText(row) },
    {
      header: 'Actie',
      cell: (row: Enrolment) => {
        const title = runs.get(row.runId)?.offerTitle ?? 'deze inschrijving';
        if (row.status === 'confirmed' || row.status === 'waitlisted') return <Link href={`/mijn/inschrijvingen/${row.enrolmentId}/annuleren`}>{`Annuleren: ${title}`}</Link>;
        if (toEvaluate.has(row.enrolmentId)) return <Link href={`/mijn/inschrijvingen/${row.enrolmentId}/evaluatie`}>{`Evaluatie invullen: ${title}`}</Link>;
        return '–';
      },
    },
  ];
}
