import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formList, formValues, type FormValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ChoiceGroup, DataTable, Form, Heading, Link, Paragraph, SelectField, SummaryList, TextArea, TextField, type FieldError } from '../../ui/components';
import { formatDate, formatEuro } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { ownOffer, ownRun, type Enrolment, type Offer, type Run } from './provider-api';
import { amsterdamToday, choicesOf, ENROLMENT_STATUS_LABELS, errorsOfRefusal, isUuid, labelOf, namesTarget, NOT_COMPLETED_REASON_LABELS, RUN_ENROLMENT_LABELS } from './provider-labels';
import { RUN_FIELD_LABELS, RUN_FIELD_NAMES, runPlanOf } from './run-form';

const NOTICES: Record<string, string> = {
  aanwezigheid: 'De aanwezigheid is vastgelegd.',
  resultaat: 'Het resultaat is vastgelegd.',
};

const runPath = (runId: string) => `/opleider/uitvoeringen/${runId}`;
/** A participant is known to the provider by a pseudonym; its last characters tell participants apart. */
const participantName = (enrolment: Enrolment) => `Deelnemer …${enrolment.teacherId.slice(-6)} (school ${enrolment.schoolId})`;
const isParticipating = (enrolment: Enrolment) => enrolment.status === 'confirmed';

/** Runs of a provider's offers: planning one, its participants, their attendance per session and their result. */
@PortalPages('opleider')
export class RunsPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get('aanbod/:offerId/uitvoeringen/nieuw')
  async newRun(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await ownOffer(this.api, principal, offerId);
    this.sendRunForm(request, response, offer, { online: 'nee', idempotencyKey: randomUUID() }, []);
  }

  @Post('aanbod/:offerId/uitvoeringen/nieuw')
  async createRun(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await ownOffer(this.api, principal, offerId);
    const values = formValues(body);
    const { plan, errors } = runPlanOf(values);
    if (!plan) return this.sendRunForm(request, response, offer, values, errors, 400);
    const answer = await this.api.send<Run>(principal, 'catalogue', 'POST', `/v1/offers/${offerId}/runs`, plan, { idempotencyKey: values.idempotencyKey || undefined });
    if (!answer.ok) return this.sendRunForm(request, response, offer, values, errorsOfRefusal(answer.problem, 'startDate', RUN_FIELD_LABELS, RUN_FIELD_NAMES), answer.status);
    redirectAfterPost(response, `/opleider/aanbod/${offerId}`, 'uitvoering-toegevoegd');
  }

  @Get('uitvoeringen/:runId')
  async run(@Req() request: GatewayRequest, @Res() response: Response, @Param('runId') runId: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const run = await ownRun(this.api, principal, runId);
    await this.sendRunPage(request, response, principal, run, { notice });
  }

  /** One session's attendance for every participant at once: ticked is present, not ticked is absent. */
  @Post('uitvoeringen/:runId/aanwezigheid')
  async recordAttendance(@Req() request: GatewayRequest, @Res() response: Response, @Param('runId') runId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const run = await ownRun(this.api, principal, runId);
    const session = Number(formValues(body).session);
    if (!namesTarget(body, 'runId', runId) || !Number.isInteger(session) || session < 1 || session > Math.max(1, run.sessions.length)) {
      return this.sendRunPage(request, response, principal, run, { errors: [{ field: 'session', message: 'Kies de bijeenkomst' }], status: 400 });
    }
    const present = new Set(formList(body, 'present'));
    const participants = (await this.participants(principal, runId)).filter(isParticipating);
    for (const enrolment of participants) {
      const answer = await this.api.send(principal, 'enrolments', 'PUT', `/v1/enrolments/${enrolment.enrolmentId}/attendance`, {
        session,
        attended: present.has(enrolment.enrolmentId),
      });
      if (!answer.ok) return this.sendRunPage(request, response, principal, run, { errors: errorsOfProblem(answer.problem, 'session'), status: answer.status });
    }
    redirectAfterPost(response, runPath(runId), 'aanwezigheid');
  }

  @Get('uitvoeringen/:runId/deelnemers/:enrolmentId/resultaat')
  async resultForm(@Req() request: GatewayRequest, @Res() response: Response, @Param('runId') runId: string, @Param('enrolmentId') enrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const run = await ownRun(this.api, principal, runId);
    const enrolment = await this.participant(principal, runId, enrolmentId);
    this.sendResultForm(request, response, run, enrolment, {}, []);
  }

  @Post('uitvoeringen/:runId/deelnemers/:enrolmentId/resultaat')
  async recordResult(@Req() request: GatewayRequest, @Res() response: Response, @Param('runId') runId: string, @Param('enrolmentId') enrolmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const run = await ownRun(this.api, principal, runId);
    const enrolment = await this.participant(principal, runId, enrolmentId);
    const values = formValues(body);
    const errors: FieldError[] = [];
    if (!namesTarget(body, 'enrolmentId', enrolmentId)) errors.push({ field: 'outcome', message: 'Vul het formulier op deze pagina in' });
    if (values.outcome !== 'completed' && values.outcome !== 'not-completed') errors.push({ field: 'outcome', message: 'Kies of de deelnemer het aanbod heeft afgerond' });
    if (values.outcome === 'not-completed' && !NOT_COMPLETED_REASON_LABELS[values.reasonCode ?? '']) errors.push({ field: 'reasonCode', message: 'Kies waarom de deelnemer niet heeft afgerond' });
    if (errors.length > 0) return this.sendResultForm(request, response, run, enrolment, values, errors, 400);
    const result = values.outcome === 'completed' ? { outcome: 'completed' } : { outcome: 'not-completed', reasonCode: values.reasonCode, ...(values.reason ? { reason: values.reason } : {}) };
    const answer = await this.api.send(principal, 'enrolments', 'PUT', `/v1/enrolments/${enrolmentId}/result`, result);
    if (!answer.ok) return this.sendResultForm(request, response, run, enrolment, values, errorsOfProblem(answer.problem, 'outcome'), answer.status);
    redirectAfterPost(response, runPath(runId), 'resultaat');
  }

  /** A run has at most a few hundred places: every page. */
  private participants(principal: Principal, runId: string): Promise<Enrolment[]> {
    return this.api.getAll<Enrolment>(principal, 'enrolments', '/v1/enrolments', { runId });
  }

  private async participant(principal: Principal, runId: string, enrolmentId: string): Promise<Enrolment> {
    const enrolment = isUuid(enrolmentId) ? (await this.participants(principal, runId)).find((item) => item.enrolmentId === enrolmentId) : undefined;
    if (!enrolment) throw new NotFoundException();
    return enrolment;
  }

  private async sendRunPage(request: GatewayRequest, response: Response, principal: Principal, run: Run, options: { notice?: string; errors?: FieldError[]; status?: number }): Promise<void> {
    const [offer, enrolments] = await Promise.all([ownOffer(this.api, principal, run.offerId), this.participants(principal, run.runId)]);
    const today = amsterdamToday();
    const started = run.startDate <= today;
    const ended = run.endDate < today;
    const participating = enrolments.filter(isParticipating);
    const errors = options.errors ?? [];
    const notice = options.notice ? NOTICES[options.notice] : undefined;
    sendPage(
      request,
      response,
      <Layout title={`Uitvoering van ${formatDate(run.startDate)}`} errors={errors} caption={offer.content.title} before={<BackLink href={`/opleider/aanbod/${offer.offerId}`}>Terug naar het aanbod</BackLink>}>
        {notice ? <Alert type="ok">{notice}</Alert> : null}
        <SummaryList
          rows={[
            ['Periode', `${formatDate(run.startDate)} tot en met ${formatDate(run.endDate)}`],
            ['Plaats', run.online ? 'Online' : (run.location ?? '–')],
            ['Plaatsen', `${run.capacity} (${run.placesLeft} vrij)`],
            ['Inschrijving', run.status === 'cancelled' ? `Geannuleerd: ${run.cancelReason ?? ''}` : labelOf(RUN_ENROLMENT_LABELS, run.enrolment)],
            ['Inschrijven kan tot', formatDate(run.enrolmentDeadline)],
            ['Prijs per deelnemer', run.priceCents === null ? `${formatEuro(offer.content.priceCents)} (prijs van het aanbod)` : formatEuro(run.priceCents)],
            ['Bijeenkomsten', run.sessions.map((session, index) => `${index + 1}: ${formatDate(session.date)} ${session.startTime}–${session.endTime}${session.topic ? ` (${session.topic})` : ''}`).join('; ') || '–'],
          ]}
        />
        <Heading level={2}>Deelnemers</Heading>
        <DataTable
          caption={`Deelnemers en wachtlijst (${enrolments.length})`}
          rows={enrolments}
          rowKey={(enrolment) => enrolment.enrolmentId}
          empty="Er zijn nog geen inschrijvingen."
          columns={[
            { header: 'Deelnemer', cell: participantName },
            {
              header: 'Status',
              cell: (enrolment) =>
                enrolment.status === 'waitlisted'
                  ? `Op de wachtlijst (plaats ${enrolment.waitingListPosition ?? '–'})`
                  : enrolment.status === 'not_completed'
                    ? `Niet afgerond: ${labelOf(NOT_COMPLETED_REASON_LABELS, enrolment.notCompletedReasonCode)}`
                    : labelOf(ENROLMENT_STATUS_LABELS, enrolment.status),
            },
            {
              header: 'Resultaat',
              cell: (enrolment) =>
                isParticipating(enrolment) && ended ? (
                  <Link href={`${runPath(run.runId)}/deelnemers/${enrolment.enrolmentId}/resultaat`}>{`Resultaat vastleggen voor ${participantName(enrolment)}`}</Link>
                ) : (
                  '–'
                ),
            },
          ]}
        />
        {!ended && participating.length > 0 ? <Paragraph>Na de einddatum ({formatDate(run.endDate)}) legt u hier per deelnemer het resultaat vast.</Paragraph> : null}
        <Heading level={2}>Aanwezigheid</Heading>
        {!started ? (
          <Paragraph>Vanaf de startdatum ({formatDate(run.startDate)}) legt u hier de aanwezigheid per bijeenkomst vast.</Paragraph>
        ) : participating.length === 0 ? (
          <Paragraph>Er zijn geen ingeschreven deelnemers om aanwezigheid voor vast te leggen.</Paragraph>
        ) : (
          <Form action={`${runPath(run.runId)}/aanwezigheid`} label="Aanwezigheid vastleggen">
            <input type="hidden" name="runId" value={run.runId} />
            <SelectField
              name="session"
              label="Bijeenkomst"
              errors={errors}
              choices={(run.sessions.length > 0 ? run.sessions : [{ date: run.startDate, startTime: '', endTime: '' }]).map((session, index) => ({
                value: String(index + 1),
                label: `Bijeenkomst ${index + 1} op ${formatDate(session.date)}`,
              }))}
            />
            <ChoiceGroup
              name="present"
              label="Wie was aanwezig?"
              description="Wie u niet aanvinkt, legt u vast als afwezig."
              multiple
              choices={participating.map((enrolment) => ({ value: enrolment.enrolmentId, label: participantName(enrolment) }))}
            />
            <Button>Aanwezigheid vastleggen</Button>
          </Form>
        )}
      </Layout>,
      options.status,
    );
  }

  private sendRunForm(request: GatewayRequest, response: Response, offer: Offer, values: FormValues, errors: FieldError[], status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Uitvoering toevoegen" errors={errors} caption={offer.content.title} before={<BackLink href={`/opleider/aanbod/${offer.offerId}`}>Terug naar het aanbod</BackLink>}>
        <Form action={`/opleider/aanbod/${offer.offerId}/uitvoeringen/nieuw`}>
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? randomUUID()} />
          <TextField name="startDate" label="Startdatum" description="Als jjjj-mm-dd, bijvoorbeeld 2027-02-03." value={values.startDate} errors={errors} width="short" />
          <TextField name="endDate" label="Einddatum" description="Als jjjj-mm-dd." value={values.endDate} errors={errors} width="short" />
          <TextArea
            name="sessions"
            label="Bijeenkomsten"
            description="Eén bijeenkomst per regel: datum, begin- en eindtijd en eventueel het onderwerp, bijvoorbeeld 2027-02-03 15:30-18:00 Leerdoelen."
            value={values.sessions}
            errors={errors}
            rows={5}
          />
          <ChoiceGroup
            name="online"
            label="Is de uitvoering online?"
            value={values.online}
            errors={errors}
            choices={[
              { value: 'ja', label: 'Ja, online' },
              { value: 'nee', label: 'Nee, op locatie' },
            ]}
          />
          <TextField name="location" label="Plaats" description="Bij een uitvoering op locatie, bijvoorbeeld Groningen, Zernikeplein 7." value={values.location} errors={errors} />
          <TextField name="capacity" label="Aantal plaatsen" value={values.capacity} inputMode="numeric" width="short" errors={errors} />
          <TextField name="enrolmentDeadline" label="Inschrijven kan tot en met (optioneel)" description="Als jjjj-mm-dd." value={values.enrolmentDeadline} errors={errors} width="short" />
          <TextField name="price" label="Prijs per deelnemer in euro's (optioneel)" description="Leeg: de prijs van het aanbod." value={values.price} inputMode="decimal" width="short" errors={errors} />
          <Button>Uitvoering toevoegen</Button>
        </Form>
      </Layout>,
      status,
    );
  }

  private sendResultForm(request: GatewayRequest, response: Response, run: Run, enrolment: Enrolment, values: FormValues, errors: FieldError[], status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Resultaat vastleggen" errors={errors} caption={participantName(enrolment)} before={<BackLink href={runPath(run.runId)}>Terug naar de uitvoering</BackLink>}>
        <Form action={`${runPath(run.runId)}/deelnemers/${enrolment.enrolmentId}/resultaat`}>
          <input type="hidden" name="enrolmentId" value={enrolment.enrolmentId} />
          <ChoiceGroup
            name="outcome"
            label="Heeft de deelnemer het aanbod afgerond?"
            value={values.outcome}
            errors={errors}
            choices={[
              { value: 'completed', label: 'Ja, afgerond' },
              { value: 'not-completed', label: 'Nee, niet afgerond' },
            ]}
          />
          <SelectField name="reasonCode" label="Waarom niet afgerond?" description="Alleen als de deelnemer niet heeft afgerond." value={values.reasonCode} emptyLabel="Kies een reden" choices={choicesOf(NOT_COMPLETED_REASON_LABELS)} errors={errors} />
          <TextArea name="reason" label="Toelichting (optioneel)" description="Alleen de deelnemer en u zien dit. Noem geen medische of andere gevoelige gegevens." value={values.reason} errors={errors} rows={3} />
          <Button>Resultaat vastleggen</Button>
        </Form>
      </Layout>,
      status,
    );
  }
}
