import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { formValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ButtonLink, DataTable, Form, Heading, Link, Pagination, Paragraph, SummaryList, Tag, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatEuro, formatNumber } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { EMPTY_OFFER_FORM, OFFER_FIELD_LABELS, OFFER_FIELD_NAMES, OfferForm, offerContentOf, offerFormFromContent, offerFormOf, sortedErrors, type OfferFormInput } from './offer-form';
import { ownOffer, type Assessment, type AssessmentDetail, type EvaluationSummary, type NumberedPage, type Offer, type Run } from './provider-api';
import {
  ASSESSMENT_STATUS_LABELS,
  DELIVERY_MODE_LABELS,
  EVALUATION_QUESTION_LABELS,
  FORMAT_LABELS,
  LANGUAGE_LABELS,
  OFFER_STATUS_LABELS,
  RUN_ENROLMENT_LABELS,
  SECTOR_LABELS,
  errorsOfRefusal,
  isUuid,
  labelOf,
  namesTarget,
} from './provider-labels';

const NOTICES: Record<string, string> = {
  aangemaakt: 'Het aanbod is opgeslagen als concept.',
  opgeslagen: 'De wijzigingen zijn opgeslagen.',
  ingediend: 'Het aanbod is ingediend voor beoordeling. U ziet hier het besluit zodra een beoordelaar heeft beslist.',
  'uitvoering-toegevoegd': 'De uitvoering is toegevoegd.',
};

function Notice({ notice }: { notice?: string }) {
  const text = notice ? NOTICES[notice] : undefined;
  return text ? <Alert type="ok">{text}</Alert> : null;
}

const offerPath = (offerId: string) => `/opleider/aanbod/${offerId}`;

/** Editing is possible while no assessment runs; a published offer gets a new version. */
const canEdit = (offer: Offer) => offer.content.status === 'draft' || (offer.status === 'published' && offer.content.status === 'published');
const canSubmit = (offer: Offer) => offer.content.status === 'draft';

/** A provider's offers: the list, a new draft, editing it, submitting it for assessment, and the assessment's decision. */
@PortalPages('opleider/aanbod')
export class OffersPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('pagina') pageText?: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const page = /^\d{1,4}$/.test(pageText ?? '') ? Math.max(1, Number(pageText)) : 1;
    const offers = await this.api.get<NumberedPage<Offer>>(principal, 'catalogue', '/v1/providers/me/offers', { page, pageSize: 20 });
    // The service lists oldest change first; a provider looks for what they touched last.
    const rows = [...offers.items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const lastPage = Math.max(1, Math.ceil(offers.total / offers.pageSize));
    sendPage(
      request,
      response,
      <Layout title="Mijn aanbod">
        <Notice notice={notice} />
        <Paragraph lead>Uw professionaliseringsaanbod: concepten, aanbod in beoordeling en gepubliceerd aanbod.</Paragraph>
        <ButtonLink href="/opleider/aanbod/nieuw">Nieuw aanbod maken</ButtonLink>
        <DataTable
          caption={`Uw aanbod (${formatNumber(offers.total)})`}
          rows={rows}
          rowKey={(offer) => offer.offerId}
          empty="U heeft nog geen aanbod. Maak uw eerste aanbod."
          columns={[
            { header: 'Titel', cell: (offer) => <Link href={offerPath(offer.offerId)}>{offer.content.title}</Link> },
            { header: 'Status', cell: (offer) => <Tag>{labelOf(OFFER_STATUS_LABELS, offer.status)}</Tag> },
            { header: 'Versie', cell: (offer) => offer.latestVersion, numeric: true },
            { header: 'Laatst gewijzigd', cell: (offer) => formatDate(offer.updatedAt) },
          ]}
        />
        <Pagination
          previousHref={page > 1 ? `/opleider/aanbod?pagina=${page - 1}` : undefined}
          nextHref={page < lastPage ? `/opleider/aanbod?pagina=${page + 1}` : undefined}
        />
      </Layout>,
    );
  }

  @Get('nieuw')
  newOffer(@Req() request: GatewayRequest, @Res() response: Response): void {
    principalOf(request, 'provider');
    this.sendNewForm(request, response, EMPTY_OFFER_FORM, [], randomUUID());
  }

  @Post('nieuw')
  async createOffer(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const input = offerFormOf(body);
    const idempotencyKey = formValues(body).idempotencyKey || randomUUID();
    const { content, errors } = offerContentOf(input);
    if (!content) return this.sendNewForm(request, response, input, errors, idempotencyKey, 400);
    const answer = await this.api.send<Offer>(principal, 'catalogue', 'POST', '/v1/offers', content, { idempotencyKey });
    if (!answer.ok) return this.sendNewForm(request, response, input, sortedErrors(errorsOfRefusal(answer.problem, 'title', OFFER_FIELD_LABELS, OFFER_FIELD_NAMES)), idempotencyKey, answer.status);
    redirectAfterPost(response, offerPath(answer.body.offerId), 'aangemaakt');
  }

  @Get(':offerId')
  async offer(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await ownOffer(this.api, principal, offerId);
    const [runs, assessments, evaluations] = await Promise.all([
      this.api.get<NumberedPage<Run>>(principal, 'catalogue', `/v1/offers/${offerId}/runs`, { pageSize: 100 }),
      this.api.get<{ items: Assessment[] }>(principal, 'quality', '/v1/assessments', { offerId, limit: 100 }),
      this.api.find<EvaluationSummary>(principal, 'quality', `/v1/offers/${offerId}/evaluation-summary`, { limit: 10 }),
    ]);
    sendPage(
      request,
      response,
      <Layout title={offer.content.title} caption="Mijn aanbod" before={<BackLink href="/opleider/aanbod">Terug naar mijn aanbod</BackLink>}>
        <Notice notice={notice} />
        <OfferStatus offer={offer} />
        <OfferContentSummary offer={offer} />
        <Heading level={2}>Beoordelingen</Heading>
        <AssessmentsTable offerId={offer.offerId} assessments={assessments.items} />
        <RunsSection offer={offer} runs={runs.items} />
        {evaluations ? <EvaluationsSection summary={evaluations} /> : null}
      </Layout>,
    );
  }

  @Get(':offerId/bewerken')
  async edit(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await this.editableOffer(principal, offerId);
    this.sendEditForm(request, response, offer, offerFormFromContent(offer.content), []);
  }

  @Post(':offerId/bewerken')
  async save(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await this.editableOffer(principal, offerId);
    const input = offerFormOf(body);
    const { content, errors } = offerContentOf(input);
    if (!content) return this.sendEditForm(request, response, offer, input, errors, 400);
    const answer = await this.api.send<Offer>(principal, 'catalogue', 'PUT', `/v1/offers/${offerId}`, content);
    if (!answer.ok) return this.sendEditForm(request, response, offer, input, sortedErrors(errorsOfRefusal(answer.problem, 'title', OFFER_FIELD_LABELS, OFFER_FIELD_NAMES)), answer.status);
    redirectAfterPost(response, offerPath(offerId), 'opgeslagen');
  }

  /** Submitting is a step of its own: the provider confirms, because the content is fixed until the decision. */
  @Get(':offerId/indienen')
  async confirmSubmit(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await ownOffer(this.api, principal, offerId);
    this.sendSubmitPage(request, response, offer, []);
  }

  @Post(':offerId/indienen')
  async submit(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await ownOffer(this.api, principal, offerId);
    if (!canSubmit(offer)) return this.sendSubmitPage(request, response, offer, [], 409);
    if (!namesTarget(body, 'offerId', offerId)) return this.sendSubmitPage(request, response, offer, [], 400);
    const answer = await this.api.send<Offer>(principal, 'catalogue', 'POST', `/v1/offers/${offerId}/submit`, undefined, {
      idempotencyKey: formValues(body).idempotencyKey || undefined,
    });
    if (!answer.ok) return this.sendSubmitPage(request, response, offer, errorsOfRefusal(answer.problem, 'content', OFFER_FIELD_LABELS, OFFER_FIELD_NAMES), answer.status);
    redirectAfterPost(response, offerPath(offerId), 'ingediend');
  }

  @Get(':offerId/beoordelingen/:assessmentId')
  async assessment(@Req() request: GatewayRequest, @Res() response: Response, @Param('offerId') offerId: string, @Param('assessmentId') assessmentId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const offer = await ownOffer(this.api, principal, offerId);
    const detail = isUuid(assessmentId) ? await this.api.find<AssessmentDetail>(principal, 'quality', `/v1/assessments/${assessmentId}`) : undefined;
    if (!detail || detail.assessment.offerId !== offer.offerId) throw new NotFoundException();
    sendPage(
      request,
      response,
      <Layout title={`Beoordeling van versie ${detail.assessment.offerVersion}`} caption={offer.content.title} before={<BackLink href={offerPath(offerId)}>Terug naar het aanbod</BackLink>}>
        <AssessmentDecision assessment={detail.assessment} />
        <CriteriaTable detail={detail} />
      </Layout>,
    );
  }

  private async editableOffer(principal: Principal, offerId: string): Promise<Offer> {
    const offer = await ownOffer(this.api, principal, offerId);
    if (!canEdit(offer)) throw new NotFoundException();
    return offer;
  }

  private sendNewForm(request: GatewayRequest, response: Response, input: OfferFormInput, errors: FieldError[], idempotencyKey: string, status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Nieuw aanbod" errors={errors} caption="Mijn aanbod" before={<BackLink href="/opleider/aanbod">Terug naar mijn aanbod</BackLink>}>
        <Paragraph>U slaat het aanbod eerst op als concept. Daarna kunt u het nog wijzigen en indienen voor beoordeling.</Paragraph>
        <OfferForm action="/opleider/aanbod/nieuw" input={input} errors={errors} submitLabel="Opslaan als concept" idempotencyKey={idempotencyKey} />
      </Layout>,
      status,
    );
  }

  private sendEditForm(request: GatewayRequest, response: Response, offer: Offer, input: OfferFormInput, errors: FieldError[], status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Aanbod wijzigen" errors={errors} caption={offer.content.title} before={<BackLink href={offerPath(offer.offerId)}>Terug naar het aanbod</BackLink>}>
        {offer.content.status === 'published' ? (
          <Alert type="info">Dit aanbod is gepubliceerd. Uw wijzigingen worden een nieuwe versie, die u opnieuw indient voor beoordeling.</Alert>
        ) : null}
        <OfferForm action={`${offerPath(offer.offerId)}/bewerken`} input={input} errors={errors} submitLabel="Wijzigingen opslaan" />
      </Layout>,
      status,
    );
  }

  private sendSubmitPage(request: GatewayRequest, response: Response, offer: Offer, errors: FieldError[], status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Aanbod indienen voor beoordeling" caption={offer.content.title} before={<BackLink href={offerPath(offer.offerId)}>Terug naar het aanbod</BackLink>}>
        {errors.length > 0 ? (
          <Alert type="error">
            <Paragraph>Het aanbod kan nog niet worden ingediend:</Paragraph>
            <ul>
              {errors.map((error) => (
                <li key={error.message}>{error.message}</li>
              ))}
            </ul>
            <Paragraph>
              <Link href={`${offerPath(offer.offerId)}/bewerken`}>Wijzig het aanbod</Link> en dien het daarna opnieuw in.
            </Paragraph>
          </Alert>
        ) : null}
        {canSubmit(offer) ? (
          <>
            <Paragraph>
              U dient versie {offer.content.version} van ‘{offer.content.title}’ in. Een beoordelaar toetst het aan het kwaliteitskader. Tot het besluit kunt u het
              aanbod niet wijzigen.
            </Paragraph>
            <Form action={`${offerPath(offer.offerId)}/indienen`}>
              <input type="hidden" name="offerId" value={offer.offerId} />
              <input type="hidden" name="idempotencyKey" value={randomUUID()} />
              <Button>Ja, indienen voor beoordeling</Button>
            </Form>
          </>
        ) : (
          <Alert type="warning">Dit aanbod heeft geen concept om in te dienen (status: {labelOf(OFFER_STATUS_LABELS, offer.status)}).</Alert>
        )}
      </Layout>,
      status,
    );
  }
}

function OfferStatus({ offer }: { offer: Offer }) {
  const { content } = offer;
  return (
    <>
      <SummaryList
        rows={[
          ['Status', <Tag key="status">{labelOf(OFFER_STATUS_LABELS, offer.status)}</Tag>],
          ['Nieuwste versie', `${content.version} (${content.status === 'draft' ? 'concept' : content.status === 'submitted' ? 'ingediend' : 'gepubliceerd'})`],
          ['Ingediend', formatDateTime(content.submittedAt)],
          ['Keurmerk geldig tot', formatDate(offer.markValidUntil)],
        ]}
      />
      {offer.suspendedReason ? <Alert type="warning">Geschorst: {offer.suspendedReason}</Alert> : null}
      {offer.withdrawnReason ? <Alert type="warning">Teruggetrokken: {offer.withdrawnReason}</Alert> : null}
      {content.rejection ? (
        <Alert type="error">
          <Paragraph>
            Afgewezen op {formatDate(content.rejection.decidedAt)}: {content.rejection.summary}
          </Paragraph>
          <ul>
            {content.rejection.reasons.map((reason) => (
              <li key={reason.criterionCode}>
                {reason.criterionCode}: {reason.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="utrecht-button-group">
        {canEdit(offer) ? (
          <ButtonLink href={`${offerPath(offer.offerId)}/bewerken`} secondary>
            Aanbod wijzigen
          </ButtonLink>
        ) : null}
        {canSubmit(offer) ? <ButtonLink href={`${offerPath(offer.offerId)}/indienen`}>Indienen voor beoordeling</ButtonLink> : null}
      </div>
    </>
  );
}

function OfferContentSummary({ offer }: { offer: Offer }) {
  const c = offer.content;
  return (
    <>
      <Heading level={2}>Inhoud van versie {c.version}</Heading>
      <SummaryList
        rows={[
          ['Samenvatting', c.summary],
          ['Beschrijving', c.description],
          ['Leeropbrengsten', c.learningOutcomes.length > 0 ? c.learningOutcomes.join('; ') : '–'],
          ['Stappen van ontwikkelpaden', c.pathStepCodes.join(', ') || '–'],
          ['Onderwijssectoren', c.sectors.map((sector) => labelOf(SECTOR_LABELS, sector)).join(', ')],
          ['Vorm', labelOf(FORMAT_LABELS, c.format)],
          ['Hoe', labelOf(DELIVERY_MODE_LABELS, c.deliveryMode)],
          ['Taal', labelOf(LANGUAGE_LABELS, c.language)],
          ['Teamprogramma', c.teamProgramme ? 'Ja' : 'Nee'],
          ['Studiebelasting', `${formatNumber(c.studyLoadHours)} uur`],
          ['Groepsgrootte', `${c.minGroupSize} tot ${c.maxGroupSize} deelnemers`],
          ['Waar', c.national ? 'Landelijk' : c.regionIds.join(', ')],
          ['Prijs per deelnemer', formatEuro(c.priceCents)],
          ['Wat de prijs omvat', c.priceCovers || '–'],
        ]}
      />
    </>
  );
}

function AssessmentsTable({ offerId, assessments }: { offerId: string; assessments: Assessment[] }) {
  return (
    <DataTable
      caption="Beoordelingen van dit aanbod"
      rows={assessments}
      rowKey={(assessment) => assessment.id}
      empty="Dit aanbod is nog niet beoordeeld."
      columns={[
        {
          header: 'Beoordeling',
          cell: (assessment) => (
            <Link href={`${offerPath(offerId)}/beoordelingen/${assessment.id}`}>
              {assessment.kind === 'reassessment' ? 'Herbeoordeling' : 'Beoordeling'} van versie {assessment.offerVersion}
            </Link>
          ),
        },
        { header: 'Status', cell: (assessment) => <Tag>{labelOf(ASSESSMENT_STATUS_LABELS, assessment.status)}</Tag> },
        { header: 'Geopend', cell: (assessment) => formatDate(assessment.openedAt) },
        { header: 'Besluit', cell: (assessment) => formatDate(assessment.decidedAt) },
      ]}
    />
  );
}

function AssessmentDecision({ assessment }: { assessment: Assessment }) {
  return (
    <>
      <SummaryList
        rows={[
          ['Status', <Tag key="status">{labelOf(ASSESSMENT_STATUS_LABELS, assessment.status)}</Tag>],
          ['Geopend', formatDateTime(assessment.openedAt)],
          ['Besluit genomen', formatDateTime(assessment.decidedAt)],
          ['Toelichting', assessment.summary ?? '–'],
        ]}
      />
      {assessment.conditions.length > 0 ? (
        <>
          <Heading level={2}>Voorwaarden</Heading>
          <Paragraph>Voldoe aan deze voorwaarden vóór {formatDate(assessment.conditionsDeadline)}:</Paragraph>
          <ul>
            {assessment.conditions.map((condition) => (
              <li key={condition}>{condition}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function CriteriaTable({ detail }: { detail: AssessmentDetail }) {
  const scoreOf = (code: string) => detail.scores.find((score) => score.criterionCode === code);
  return (
    <>
      <Heading level={2}>Oordeel per criterium</Heading>
      <DataTable
        caption="Criteria van het kwaliteitskader en het oordeel van de beoordelaar"
        rows={detail.criteria}
        rowKey={(criterion) => criterion.code}
        columns={[
          { header: 'Criterium', cell: (criterion) => `${criterion.code} ${criterion.title}${criterion.required ? '' : ' (niet verplicht)'}` },
          {
            header: 'Oordeel',
            cell: (criterion) => {
              const score = scoreOf(criterion.code);
              return score ? (score.met ? 'Voldaan' : 'Niet voldaan') : 'Nog niet beoordeeld';
            },
          },
          { header: 'Score', cell: (criterion) => formatNumber(scoreOf(criterion.code)?.score), numeric: true },
          { header: 'Onderbouwing', cell: (criterion) => scoreOf(criterion.code)?.justification ?? '–' },
        ]}
      />
    </>
  );
}

function RunsSection({ offer, runs }: { offer: Offer; runs: Run[] }) {
  return (
    <>
      <Heading level={2}>Uitvoeringen</Heading>
      {offer.status === 'published' ? (
        <ButtonLink href={`${offerPath(offer.offerId)}/uitvoeringen/nieuw`} secondary>
          Uitvoering toevoegen
        </ButtonLink>
      ) : (
        <Paragraph>U plant uitvoeringen zodra het aanbod is gepubliceerd.</Paragraph>
      )}
      <DataTable
        caption="Uitvoeringen van dit aanbod"
        rows={runs}
        rowKey={(run) => run.runId}
        empty="Er zijn nog geen uitvoeringen."
        columns={[
          { header: 'Uitvoering', cell: (run) => <Link href={`/opleider/uitvoeringen/${run.runId}`}>{`Uitvoering van ${formatDate(run.startDate)}`}</Link> },
          { header: 'Tot', cell: (run) => formatDate(run.endDate) },
          { header: 'Plaats', cell: (run) => (run.online ? 'Online' : (run.location ?? '–')) },
          { header: 'Vrije plaatsen', cell: (run) => `${run.placesLeft} van ${run.capacity}`, numeric: true },
          { header: 'Inschrijving', cell: (run) => (run.status === 'cancelled' ? 'Geannuleerd' : labelOf(RUN_ENROLMENT_LABELS, run.enrolment)) },
        ]}
      />
    </>
  );
}

/** Averages are hundredths on a scale of 1 to 5. */
const average = (hundredths: number | null | undefined) => (hundredths === null || hundredths === undefined ? '–' : `${(hundredths / 100).toFixed(2).replace('.', ',')} van 5`);

function EvaluationsSection({ summary }: { summary: EvaluationSummary }) {
  return (
    <>
      <Heading level={2}>Evaluaties door deelnemers</Heading>
      {summary.responseCount === 0 ? (
        <Paragraph>Er zijn nog geen evaluaties.</Paragraph>
      ) : (
        <>
          <SummaryList
            rows={[
              ['Aantal evaluaties', formatNumber(summary.responseCount)],
              ['Gemiddeld', average(summary.overall)],
              ...Object.entries(summary.perQuestion).map(([question, value]) => [labelOf(EVALUATION_QUESTION_LABELS, question), average(value)] as const),
            ]}
          />
          {summary.comments.items.length > 0 ? (
            <>
              <Heading level={3}>Nieuwste toelichtingen</Heading>
              <ul>
                {summary.comments.items.map((comment) => (
                  <li key={`${comment.submittedAt}:${comment.text}`}>
                    {formatDate(comment.submittedAt)}: {comment.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {summary.reassessmentRequiredAt ? <Alert type="warning">De evaluaties leiden tot een herbeoordeling (sinds {formatDate(summary.reassessmentRequiredAt)}).</Alert> : null}
    </>
  );
}
