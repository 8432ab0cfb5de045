import { randomUUID } from 'node:crypto';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi, PortalApiError, type Problem } from '../../application/portal-api';
import { formList, formValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ButtonLink, ChoiceGroup, DataTable, fieldId, Form, Heading, Link, Paragraph, SummaryList, Tag, TextField, type Column, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatEuro } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { isUuid, offerTitles, regionIdOf, requireUuid, type Claim, type ClaimLine, type Outcome, type RefusedLine } from './region-data';
import { CLAIM_STATUS_LABELS, LINE_STATE_LABELS, PAYMENT_STATE_LABELS } from './region-labels';
import { enrolmentText, RefusedLines, refusedLinesOf } from './region-views';

const NOTICES: Record<string, string> = {
  ingediend: 'Uw declaratie is ingediend. Het bedrag is vastgelegd tegen het budget van uw regio; het ministerie beoordeelt de declaratie.',
  weggegooid: 'Het concept is weggegooid.',
};

const MAX_REFERENCE = 200;

const INCOMPLETE_FORM = 'Het formulier was niet compleet. Probeer het opnieuw vanaf deze pagina.';

/** What a region knows about its enrolments, to describe claim lines: outcome and offer title per enrolment. */
interface EnrolmentFacts {
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly titles: ReadonlyMap<string, string>;
}

interface NewClaimForm {
  readonly reference: string;
  readonly chosen: readonly string[];
  readonly idempotencyKey: string;
  readonly errors: readonly FieldError[];
  readonly refused: readonly RefusedLine[];
}

/**
 * A region's claims: the list, building a claim from eligible enrolments (choose → check your answers → submit), and
 * one claim with its lines and the ministry's decisions. The service checks every line again when the claim is
 * submitted; what it refuses is shown line by line and nothing is stored.
 */
@PortalPages('regio/declaraties')
export class ClaimPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('melding') notice?: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    regionIdOf(principal);
    const claims = await this.api.getAll<Claim>(principal, 'reimbursement', '/v1/claims', {}, 20);
    sendPage(
      request,
      response,
      <Layout title="Declaraties">
        {typeof notice === 'string' && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        <Paragraph lead>Met een declaratie vraagt uw regio het ministerie om de vergoeding van inschrijvingen die in aanmerking komen.</Paragraph>
        <ButtonLink href="/regio/declaraties/nieuw">Nieuwe declaratie opstellen</ButtonLink>
        <Heading level={2}>Uw declaraties</Heading>
        <DataTable
          caption="Declaraties van uw regio, nieuwste eerst"
          empty="Uw regio heeft nog geen declaraties."
          rows={claims}
          rowKey={(claim) => claim.claimId}
          columns={[
            { header: 'Kenmerk', cell: (claim) => <Link href={claimHref(claim)}>{claimName(claim)}</Link> },
            { header: 'Status', cell: (claim) => <Tag>{CLAIM_STATUS_LABELS[claim.status]}</Tag> },
            { header: 'Regels', cell: (claim) => String(claim.lineCount), numeric: true },
            { header: 'Bedrag', cell: (claim) => formatEuro(claim.totalCents), numeric: true },
            { header: 'Ingediend op', cell: (claim) => formatDate(claim.submittedAt) },
            { header: 'Besluit op', cell: (claim) => formatDate(claim.decidedAt) },
          ]}
        />
      </Layout>,
    );
  }

  @Get('nieuw')
  async newClaim(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'region');
    await this.renderNewClaim(request, response, principal, { reference: '', chosen: [], idempotencyKey: randomUUID(), errors: [], refused: [] });
  }

  @Post('nieuw')
  async createClaim(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    const values = formValues(body);
    const chosen = formList(body, 'inschrijvingen');
    const keyValid = isUuid(values.idempotencyKey ?? '');
    const idempotencyKey = keyValid ? values.idempotencyKey : randomUUID();
    const reference = values.kenmerk ?? '';
    const errors: FieldError[] = [];
    if (!keyValid) errors.push({ field: 'inschrijvingen', message: INCOMPLETE_FORM });
    else if (chosen.length === 0) errors.push({ field: 'inschrijvingen', message: 'Kies ten minste één inschrijving om te declareren' });
    else if (!chosen.every(isUuid) || new Set(chosen).size !== chosen.length) errors.push({ field: 'inschrijvingen', message: 'Kies inschrijvingen uit de lijst' });
    if (reference.length > MAX_REFERENCE) errors.push({ field: 'kenmerk', message: `Het kenmerk mag hoogstens ${MAX_REFERENCE} tekens lang zijn` });
    if (errors.length > 0) {
      await this.renderNewClaim(request, response, principal, { reference, chosen, idempotencyKey, errors, refused: [] }, 400);
      return;
    }
    const answer = await this.api.send<Claim>(principal, 'reimbursement', 'POST', '/v1/claims', { enrolmentIds: chosen, ...(reference ? { reference } : {}) }, { idempotencyKey });
    if (answer.ok) {
      redirectAfterPost(response, `/regio/declaraties/${answer.body.claimId}/controleren`);
      return;
    }
    // Refused: the same form with what was chosen, and a new key, since the next attempt is a different request.
    await this.renderNewClaim(
      request,
      response,
      principal,
      { reference, chosen, idempotencyKey: randomUUID(), errors: refusalErrors(answer.problem, 'inschrijvingen'), refused: refusedLinesOf(answer.problem) },
      answer.status,
    );
  }

  @Get(':claimId/controleren')
  async check(@Req() request: GatewayRequest, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const principal = principalOf(request, 'region');
    const claim = await this.claimOf(principal, claimId);
    if (claim.status !== 'draft') {
      response.redirect(303, `/regio/declaraties/${claim.claimId}`);
      return;
    }
    await this.renderCheck(request, response, principal, claim, { idempotencyKey: randomUUID(), errors: [], refused: [] });
  }

  @Post(':claimId/indienen')
  async submit(@Req() request: GatewayRequest, @Res() response: Response, @Param('claimId') claimId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    const id = requireUuid(claimId);
    const values = formValues(body);
    // The key comes from the page; without it the form was not the page's own, so nothing is sent.
    if (!isUuid(values.idempotencyKey ?? '')) {
      await this.refuseTamperedForm(request, response, principal, id);
      return;
    }
    const answer = await this.api.send<Claim>(principal, 'reimbursement', 'POST', `/v1/claims/${id}/submit`, undefined, { idempotencyKey: values.idempotencyKey });
    if (answer.ok) {
      redirectAfterPost(response, `/regio/declaraties/${id}`, 'ingediend');
      return;
    }
    const claim = await this.claimOf(principal, id);
    if (claim.status !== 'draft') {
      // Submitted meanwhile (another tab): its own page says what happened.
      redirectAfterPost(response, `/regio/declaraties/${id}`);
      return;
    }
    await this.renderCheck(
      request,
      response,
      principal,
      claim,
      { idempotencyKey: randomUUID(), errors: refusalErrors(answer.problem, 'indienen'), refused: refusedLinesOf(answer.problem) },
      answer.status,
    );
  }

  @Post(':claimId/weggooien')
  async discard(@Req() request: GatewayRequest, @Res() response: Response, @Param('claimId') claimId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    const id = requireUuid(claimId);
    // The form names the draft it throws away, so only that page's own button does it.
    if (formValues(body).claimId !== id) {
      await this.refuseTamperedForm(request, response, principal, id);
      return;
    }
    const answer = await this.api.send<void>(principal, 'reimbursement', 'DELETE', `/v1/claims/${id}`);
    if (!answer.ok) throw new PortalApiError(answer.status, answer.problem);
    redirectAfterPost(response, '/regio/declaraties', 'weggegooid');
  }

  @Get(':claimId')
  async claim(@Req() request: GatewayRequest, @Res() response: Response, @Param('claimId') claimId: string, @Query('melding') notice?: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    const claim = await this.claimOf(principal, claimId);
    const facts = await this.enrolmentFacts(principal);
    const lines = claim.lines ?? [];
    sendPage(
      request,
      response,
      <Layout title={`Declaratie ${claimName(claim)}`} before={<BackLink href="/regio/declaraties">Alle declaraties</BackLink>}>
        {typeof notice === 'string' && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        <SummaryList
          rows={[
            ['Status', <Tag key="status">{CLAIM_STATUS_LABELS[claim.status]}</Tag>],
            ['Kenmerk', claim.reference || '–'],
            ['Aantal regels', String(claim.lineCount)],
            [claim.status === 'draft' ? 'Bedrag (berekend vandaag)' : 'Vastgelegd bedrag', formatEuro(claim.totalCents)],
            ['Opgesteld op', formatDateTime(claim.createdAt)],
            ['Ingediend op', formatDateTime(claim.submittedAt)],
            ['Besluit van het ministerie op', formatDateTime(claim.decidedAt)],
            ['Toelichting bij het besluit', claim.decisionNote ?? '–'],
          ]}
        />
        {claim.status === 'draft' ? <ButtonLink href={`/regio/declaraties/${claim.claimId}/controleren`}>Controleren en indienen</ButtonLink> : null}
        <Heading level={2}>Regels en besluiten</Heading>
        <DataTable
          caption="Regels van deze declaratie met het besluit van het ministerie"
          empty="Deze declaratie heeft geen regels."
          rows={lines}
          rowKey={(line) => String(line.lineNo)}
          columns={[
            ...claimLineColumns(facts),
            { header: 'Besluit', cell: (line) => LINE_STATE_LABELS[line.state] },
            { header: 'Reden', cell: (line) => line.decisionReason ?? '–' },
            { header: 'Betaling', cell: (line) => PAYMENT_STATE_LABELS[line.paymentState] },
          ]}
        />
      </Layout>,
    );
  }

  /** Choose eligible enrolments (checkboxes) and give the claim the region's own reference. */
  private async renderNewClaim(request: GatewayRequest, response: Response, principal: Principal, form: NewClaimForm, status = 200): Promise<void> {
    const regionId = regionIdOf(principal);
    const [eligible, facts] = await Promise.all([
      this.api.getAll<Outcome>(principal, 'reimbursement', `/v1/regions/${encodeURIComponent(regionId)}/enrolments`, { reason: 'ELIGIBLE' }, 20),
      this.enrolmentFacts(principal),
    ]);
    const choices = eligible.map((outcome) => ({
      value: outcome.enrolmentId,
      label: `${enrolmentText(outcome, facts.titles, outcome.enrolmentId)} – ${formatEuro(outcome.amountCents)}`,
    }));
    sendPage(
      request,
      response,
      <Layout title="Nieuwe declaratie" errors={form.errors} before={<BackLink href="/regio/declaraties">Alle declaraties</BackLink>}>
        <RefusedLines lines={form.refused} outcomes={facts.outcomes} titles={facts.titles} />
        {choices.length === 0 ? (
          <>
            <Paragraph>Er zijn op dit moment geen inschrijvingen in uw regio die in aanmerking komen en nog niet zijn gedeclareerd.</Paragraph>
            <ButtonLink href="/regio/inschrijvingen" secondary>
              Alle inschrijvingen bekijken
            </ButtonLink>
          </>
        ) : (
          <Form action="/regio/declaraties/nieuw" label="Nieuwe declaratie">
            <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
            <ChoiceGroup
              name="inschrijvingen"
              label="Welke inschrijvingen wilt u declareren?"
              description="Alleen inschrijvingen die in aanmerking komen en nog niet in een ingediende declaratie staan. Het bedrag is wat vandaag vergoed zou worden."
              multiple
              choices={choices}
              value={form.chosen}
              errors={form.errors}
            />
            <TextField name="kenmerk" label="Uw kenmerk (niet verplicht)" description="Bijvoorbeeld het nummer in uw eigen administratie." value={form.reference} errors={form.errors} />
            <Button>Verder</Button>
          </Form>
        )}
      </Layout>,
      status,
    );
  }

  /** "Check your answers": the draft's lines and total before the claim is submitted, or thrown away. */
  private async renderCheck(
    request: GatewayRequest,
    response: Response,
    principal: Principal,
    claim: Claim,
    form: Omit<NewClaimForm, 'reference' | 'chosen'>,
    status = 200,
  ): Promise<void> {
    const facts = await this.enrolmentFacts(principal);
    const lines = claim.lines ?? [];
    sendPage(
      request,
      response,
      <Layout title="Controleer uw declaratie" errors={form.errors} before={<BackLink href="/regio/declaraties">Alle declaraties</BackLink>}>
        <RefusedLines lines={form.refused} outcomes={facts.outcomes} titles={facts.titles} />
        <SummaryList
          rows={[
            ['Kenmerk', claim.reference || '–'],
            ['Aantal regels', String(claim.lineCount)],
            ['Totaal (berekend vandaag)', formatEuro(claim.totalCents)],
          ]}
        />
        <Heading level={2}>Regels</Heading>
        <DataTable
          caption="Regels van deze declaratie"
          rows={lines}
          rowKey={(line) => String(line.lineNo)}
          columns={[
            ...claimLineColumns(facts),
          ]}
        />
        <Heading level={2} id={fieldId('indienen')}>
          Declaratie indienen
        </Heading>
        <Paragraph>
          Bij het indienen wordt elke regel opnieuw gecontroleerd en wordt het bedrag vastgelegd tegen het budget van uw regio. Daarna kunt u de
          declaratie niet meer wijzigen.
        </Paragraph>
        <Form action={`/regio/declaraties/${claim.claimId}/indienen`} label="Declaratie indienen">
          <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
          <Button>Declaratie indienen</Button>
        </Form>
        <Form action={`/regio/declaraties/${claim.claimId}/weggooien`} label="Concept weggooien">
          <input type="hidden" name="claimId" value={claim.claimId} />
          <Button secondary>Concept weggooien</Button>
        </Form>
      </Layout>,
      status,
    );
  }

  /** A post that did not come from the check page as rendered: the page again with an error, nothing sent. */
  private async refuseTamperedForm(request: GatewayRequest, response: Response, principal: Principal, claimId: string): Promise<void> {
    const claim = await this.claimOf(principal, claimId);
    if (claim.status !== 'draft') {
      redirectAfterPost(response, `/regio/declaraties/${claim.claimId}`);
      return;
    }
    await this.renderCheck(request, response, principal, claim, { idempotencyKey: randomUUID(), errors: [{ field: 'indienen', message: INCOMPLETE_FORM }], refused: [] }, 400);
  }

  private async claimOf(principal: Principal, claimId: string): Promise<Claim> {
    regionIdOf(principal);
    const claim = await this.api.find<Claim>(principal, 'reimbursement', `/v1/claims/${requireUuid(claimId)}`);
    if (!claim) throw new PortalApiError(404, { status: 404 });
    return claim;
  }

  private async enrolmentFacts(principal: Principal): Promise<EnrolmentFacts> {
    const regionId = regionIdOf(principal);
    const outcomes = await this.api.getAll<Outcome>(principal, 'reimbursement', `/v1/regions/${encodeURIComponent(regionId)}/enrolments`, {}, 20);
    const titles = await offerTitles(this.api, principal, outcomes.map((outcome) => outcome.offerId));
    return { outcomes: new Map(outcomes.map((outcome) => [outcome.enrolmentId, outcome])), titles };
  }
}

/** The columns both tables of a claim's lines begin with: the line, its enrolment, budget year and amount. */
function claimLineColumns(facts: EnrolmentFacts): Column<ClaimLine>[] {
  return [
    { header: 'Regel', cell: (line) => String(line.lineNo), numeric: true },
    { header: 'Inschrijving', cell: (line) => enrolmentText(facts.outcomes.get(line.enrolmentId), facts.titles, line.enrolmentId) },
    { header: 'Budgetjaar', cell: (line) => String(line.budgetYear) },
    { header: 'Bedrag', cell: (line) => formatEuro(line.amountCents), numeric: true },
  ];
}

function claimName(claim: Claim): string {
  return claim.reference || `van ${formatDate(claim.createdAt)}`;
}

function claimHref(claim: Claim): string {
  return claim.status === 'draft' ? `/regio/declaraties/${claim.claimId}/controleren` : `/regio/declaraties/${claim.claimId}`;
}

/** The service's refusal as one error in the summary, linking to the refused lines when it listed them. */
function refusalErrors(problem: Problem, field: string): FieldError[] {
  const message = problem.detail ?? problem.title ?? 'De declaratie kon niet worden verwerkt.';
  return [{ field: refusedLinesOf(problem).length > 0 ? 'regels' : field, message }];
}
