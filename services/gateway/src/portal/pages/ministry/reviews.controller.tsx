import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi, type CursorPage } from '../../application/portal-api';
import { errorsOfProblem, formValues, type FormValues } from '../../http/form';
import { principalOf, PortalPages, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ChoiceGroup, DataTable, Form, Heading, Link, Pagination, Paragraph, SummaryList, TextArea, type FieldError } from '../../ui/components';
import { formatDateTime, formatEuro } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { allRegions, hrefWith, isUuid, regionNamer } from './ministry-format';

interface ReviewCase {
  readonly enrolmentId: string;
  readonly status: 'open' | 'approved' | 'rejected';
  readonly regionId: string | null;
  readonly amountCents: number;
  readonly openedAt: string;
  readonly decidedAt: string | null;
  readonly note: string | null;
}

interface ClaimLine {
  readonly lineNo: number;
  readonly enrolmentId: string;
  readonly amountCents: number;
  readonly budgetYear: number;
  readonly ruleVersion: number;
  readonly state: string;
  readonly decisionReason: string | null;
}

interface Claim {
  readonly claimId: string;
  readonly regionId: string;
  readonly status: string;
  readonly reference: string;
  readonly lineCount: number;
  readonly totalCents: number;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly lines?: readonly ClaimLine[];
}


const CASE_STATUS_NAMES: Record<string, string> = { open: 'Nog te beoordelen', approved: 'Goedgekeurd', rejected: 'Afgewezen' };
const DECISIONS = [
  { value: 'approved', label: 'Goedkeuren' },
  { value: 'rejected', label: 'Afwijzen' },
];
const NOTICES: Record<string, string> = {
  besloten: 'Uw besluit is opgeslagen. De inschrijving wordt opnieuw beoordeeld.',
  'declaratie-besloten': 'Uw besluit over de declaratie is opgeslagen.',
};

/**
 * What waits for the ministry's decision: enrolments above the rules' review limit (the review queue, decided with a
 * note) and claims the regions submitted (approved or rejected as a whole).
 */
@PortalPages('ministerie/beoordelingen')
export class MinistryReviewsController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async queue(@Req() request: GatewayRequest, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const status = typeof query.status === 'string' && query.status in CASE_STATUS_NAMES ? query.status : 'open';
    const cursor = typeof query.cursor === 'string' && /^[\w-]{1,500}$/.test(query.cursor) ? query.cursor : undefined;
    const notice = typeof query.melding === 'string' ? NOTICES[query.melding] : undefined;
    const [cases, claims, regions] = await Promise.all([
      this.api.get<CursorPage<ReviewCase>>(principal, 'reimbursement', '/v1/review-cases', { status, cursor, limit: 25 }),
      this.api.get<CursorPage<Claim>>(principal, 'reimbursement', '/v1/claims', { status: 'submitted', limit: 100 }),
      allRegions(this.api, principal),
    ]);
    const regionName = regionNamer(regions);
    sendPage(
      request,
      response,
      <Layout title="Te beoordelen">
        {notice ? <Alert type="ok">{notice}</Alert> : null}
        <Heading level={2}>Inschrijvingen boven de grens voor beoordeling</Heading>
        <Form action="/ministerie/beoordelingen" method="get" inline label="Beoordelingen filteren">
          <ChoiceGroup name="status" label="Welke beoordelingen wilt u zien?" value={status} choices={Object.entries(CASE_STATUS_NAMES).map(([value, label]) => ({ value, label }))} />
          <Button secondary>Tonen</Button>
        </Form>
        <DataTable
          caption={`Beoordelingen: ${CASE_STATUS_NAMES[status].toLowerCase()} (oudste eerst)`}
          empty={status === 'open' ? 'Er wacht geen inschrijving op uw beoordeling.' : 'Geen beoordelingen met deze status.'}
          rowKey={(item) => item.enrolmentId}
          rows={cases.items}
          columns={[
            { header: 'Inschrijving', cell: (item) => <Link href={`/ministerie/beoordelingen/${item.enrolmentId}`}>{`Inschrijving ${item.enrolmentId.slice(0, 8)}`}</Link> },
            { header: 'Regio', cell: (item) => regionName(item.regionId) },
            { header: 'Bedrag', numeric: true, cell: (item) => formatEuro(item.amountCents) },
            { header: 'Sinds', cell: (item) => formatDateTime(item.openedAt) },
          ]}
        />
        <Pagination nextHref={cases.nextCursor ? hrefWith('/ministerie/beoordelingen', { status, cursor: cases.nextCursor }) : undefined} />
        <Heading level={2}>Ingediende declaraties</Heading>
        <DataTable
          caption="Declaraties die op uw besluit wachten"
          empty="Er wacht geen declaratie op uw besluit."
          rowKey={(claim) => claim.claimId}
          rows={claims.items}
          columns={[
            { header: 'Declaratie', cell: (claim) => <Link href={`/ministerie/beoordelingen/declaraties/${claim.claimId}`}>{claim.reference || `Declaratie ${claim.claimId.slice(0, 8)}`}</Link> },
            { header: 'Regio', cell: (claim) => regionName(claim.regionId) },
            { header: 'Regels', numeric: true, cell: (claim) => String(claim.lineCount) },
            { header: 'Bedrag', numeric: true, cell: (claim) => formatEuro(claim.totalCents) },
            { header: 'Ingediend', cell: (claim) => formatDateTime(claim.submittedAt) },
          ]}
        />
      </Layout>,
    );
  }

  @Get(':enrolmentId')
  async reviewCase(@Req() request: GatewayRequest, @Res() response: Response, @Param('enrolmentId') enrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    await this.sendCase(request, response, principal, enrolmentId, {}, []);
  }

  @Post(':enrolmentId')
  async decideCase(@Req() request: GatewayRequest, @Res() response: Response, @Param('enrolmentId') enrolmentId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const values = formValues(body);
    const errors = decisionErrors(values, 'note', 10);
    if (errors.length > 0) return this.sendCase(request, response, principal, enrolmentId, values, errors, 400);
    const answer = await this.api.send(principal, 'reimbursement', 'POST', `/v1/review-cases/${enrolmentId}/decision`, { decision: values.decision, note: values.note });
    if (!answer.ok) return this.sendCase(request, response, principal, enrolmentId, values, errorsOfProblem(answer.problem, 'decision'), answer.status);
    redirectAfterPost(response, '/ministerie/beoordelingen', 'besloten');
  }

  @Get('declaraties/:claimId')
  async claim(@Req() request: GatewayRequest, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    await this.sendClaim(request, response, principal, claimId, { idempotencyKey: randomUUID() }, []);
  }

  @Post('declaraties/:claimId')
  async decideClaim(@Req() request: GatewayRequest, @Res() response: Response, @Param('claimId') claimId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const values = formValues(body);
    const idempotencyKey = values.idempotencyKey || randomUUID();
    const errors = decisionErrors(values, 'reason', values.decision === 'rejected' ? 1 : 0);
    if (errors.length > 0) return this.sendClaim(request, response, principal, claimId, { ...values, idempotencyKey }, errors, 400);
    const decision = { decision: values.decision, reason: values.reason || undefined };
    const answer = await this.api.send(principal, 'reimbursement', 'POST', `/v1/claims/${claimId}/decision`, decision, { idempotencyKey });
    if (!answer.ok) return this.sendClaim(request, response, principal, claimId, { ...values, idempotencyKey }, errorsOfProblem(answer.problem, 'decision'), answer.status);
    redirectAfterPost(response, '/ministerie/beoordelingen', 'declaratie-besloten');
  }

  private async sendCase(request: GatewayRequest, response: Response, principal: Principal, enrolmentId: string, values: FormValues, errors: FieldError[], status = 200): Promise<void> {
    if (!isUuid(enrolmentId)) throw new NotFoundException();
    const [item, regions] = await Promise.all([this.api.find<ReviewCase>(principal, 'reimbursement', `/v1/review-cases/${enrolmentId}`), allRegions(this.api, principal)]);
    if (!item) throw new NotFoundException();
    sendPage(
      request,
      response,
      <Layout title="Inschrijving beoordelen" errors={errors} before={<BackLink href="/ministerie/beoordelingen">Alle beoordelingen</BackLink>}>
        <SummaryList
          rows={[
            ['Inschrijving', item.enrolmentId],
            ['Regio', regionNamer(regions)(item.regionId)],
            ['Bedrag', formatEuro(item.amountCents)],
            ['In de wachtrij sinds', formatDateTime(item.openedAt)],
            ['Status', CASE_STATUS_NAMES[item.status] ?? item.status],
            ...(item.decidedAt ? ([['Besloten', `${formatDateTime(item.decidedAt)}: ${item.note ?? ''}`]] as [string, string][]) : []),
          ]}
        />
        {item.status === 'open' ? (
          <Form action={`/ministerie/beoordelingen/${item.enrolmentId}`}>
            <ChoiceGroup name="decision" label="Wat is uw besluit?" choices={DECISIONS} value={values.decision} errors={errors} />
            <TextArea name="note" label="Notitie bij uw besluit" description="Waarom u zo besluit; ten minste 10 tekens." value={values.note} errors={errors} />
            <Button>Besluit opslaan</Button>
          </Form>
        ) : (
          <Paragraph>Over deze inschrijving is al besloten.</Paragraph>
        )}
      </Layout>,
      status,
    );
  }

  private async sendClaim(request: GatewayRequest, response: Response, principal: Principal, claimId: string, values: FormValues, errors: FieldError[], status = 200): Promise<void> {
    if (!isUuid(claimId)) throw new NotFoundException();
    const [claim, regions] = await Promise.all([this.api.find<Claim>(principal, 'reimbursement', `/v1/claims/${claimId}`), allRegions(this.api, principal)]);
    if (!claim) throw new NotFoundException();
    sendPage(
      request,
      response,
      <Layout title="Declaratie beoordelen" caption={regionNamer(regions)(claim.regionId)} errors={errors} before={<BackLink href="/ministerie/beoordelingen">Alles te beoordelen</BackLink>}>
        <SummaryList
          rows={[
            ['Kenmerk van de regio', claim.reference || '–'],
            ['Bedrag', formatEuro(claim.totalCents)],
            ['Ingediend', formatDateTime(claim.submittedAt)],
          ]}
        />
        <DataTable
          caption="Regels van de declaratie"
          rowKey={(line) => String(line.lineNo)}
          rows={claim.lines ?? []}
          columns={[
            { header: 'Regel', numeric: true, cell: (line) => String(line.lineNo) },
            { header: 'Inschrijving', cell: (line) => line.enrolmentId.slice(0, 8) },
            { header: 'Budgetjaar', cell: (line) => String(line.budgetYear) },
            { header: 'Regelversie', numeric: true, cell: (line) => String(line.ruleVersion) },
            { header: 'Bedrag', numeric: true, cell: (line) => formatEuro(line.amountCents) },
          ]}
        />
        {claim.status === 'submitted' ? (
          <Form action={`/ministerie/beoordelingen/declaraties/${claim.claimId}`}>
            <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
            <ChoiceGroup name="decision" label="Wat is uw besluit over de hele declaratie?" choices={DECISIONS} value={values.decision} errors={errors} />
            <TextArea name="reason" label="Reden" description="Verplicht als u afwijst." value={values.reason} errors={errors} />
            <Button>Besluit opslaan</Button>
          </Form>
        ) : (
          <Paragraph>Deze declaratie wacht niet (meer) op een besluit.</Paragraph>
        )}
      </Layout>,
      status,
    );
  }
}

/** The decision chosen, and its note or reason (at least `minimumLength` characters: the service's rule). */
function decisionErrors(values: FormValues, noteField: 'note' | 'reason', minimumLength: number): FieldError[] {
  const errors: FieldError[] = [];
  if (values.decision !== 'approved' && values.decision !== 'rejected') errors.push({ field: 'decision', message: 'Kies goedkeuren of afwijzen' });
  const note = values[noteField] ?? '';
  if (note.length < minimumLength) errors.push({ field: noteField, message: noteField === 'note' ? 'Schrijf een notitie van ten minste 10 tekens' : 'Schrijf waarom u afwijst' });
  if (note.length > 2000) errors.push({ field: noteField, message: 'De tekst is te lang: hoogstens 2.000 tekens' });
  return errors;
}
