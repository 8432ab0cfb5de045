import { randomUUID } from 'node:crypto';
import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formList, formValues } from '../../http/form';
import { principalOf, PortalPages, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ButtonLink, DataTable, Form, Heading, Link, Paragraph, SummaryList, Tag, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatEuro, formatNumber } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { COST_TYPE_NAMES, formValuesOf, PARTICIPATION_NAMES, RULE_FIELD_NAMES, RuleForm, ruleContentOf, type RuleFormValues, type RuleVersion } from './rule-form';

const NOTICES: Record<string, string> = {
  concept: 'Het concept is opgeslagen. Het geldt pas als u het publiceert.',
  gewijzigd: 'Het concept is gewijzigd.',
  gepubliceerd: 'De versie is gepubliceerd. Inschrijvingen vanaf de ingangsdatum worden opnieuw beoordeeld.',
};

const EMPTY_FORM: RuleFormValues = { values: { participation: 'started' }, costTypes: ['tuition'] };

/** The versions of the reimbursement rules: list, view, a new draft (or a changed one), and publishing it after a confirmation. */
@PortalPages('ministerie/regels')
export class MinistryRulesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const versions = await this.versions(principal);
    sendPage(
      request,
      response,
      <Layout title="Vergoedingsregels">
        {notice && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        <Paragraph lead>Elke versie van de regeling geldt voor inschrijvingen vanaf haar ingangsdatum. Een concept geldt pas na publiceren.</Paragraph>
        <ButtonLink href="/ministerie/regels/nieuw">Nieuwe versie opstellen</ButtonLink>
        <DataTable
          caption="Versies van de vergoedingsregeling"
          empty="Er is nog geen versie."
          rowKey={(rule) => String(rule.version)}
          rows={versions}
          columns={[
            { header: 'Versie', cell: (rule) => <Link href={`/ministerie/regels/${rule.version}`}>{`Versie ${rule.version}`}</Link> },
            { header: 'Status', cell: (rule) => <Tag>{rule.status === 'draft' ? 'Concept' : 'Gepubliceerd'}</Tag> },
            { header: 'Ingangsdatum', cell: (rule) => formatDate(rule.validFrom) },
            { header: 'Vergoed deel', numeric: true, cell: (rule) => `${formatNumber(rule.percentageBasisPoints / 100)}%` },
            { header: 'Maximum per aanbod', numeric: true, cell: (rule) => formatEuro(rule.maxPerParticipantPerOfferCents) },
          ]}
        />
      </Layout>,
    );
  }

  @Get('nieuw')
  async newForm(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry');
    // A new version usually changes a little of the one in force: start from the newest published version.
    const latest = (await this.versions(principal)).find((rule) => rule.status === 'published');
    this.sendNewForm(request, response, latest ? formValuesOf(latest) : EMPTY_FORM, [], randomUUID());
  }

  @Post('nieuw')
  async create(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const form = { values: formValues(body), costTypes: formList(body, 'costTypes') };
    const idempotencyKey = form.values.idempotencyKey || randomUUID();
    const checked = ruleContentOf(form);
    if ('errors' in checked) return this.sendNewForm(request, response, form, checked.errors, idempotencyKey, 400);
    const answer = await this.api.send<RuleVersion>(principal, 'reimbursement', 'POST', '/v1/rules', checked.content, { idempotencyKey });
    if (!answer.ok) return this.sendNewForm(request, response, form, errorsOfProblem(answer.problem, 'validFrom', RULE_FIELD_NAMES), idempotencyKey, answer.status);
    redirectAfterPost(response, `/ministerie/regels/${answer.body.version}`, 'concept');
  }

  @Get(':version')
  async view(@Req() request: GatewayRequest, @Res() response: Response, @Param('version') versionText: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const rule = await this.version(principal, versionText);
    sendPage(
      request,
      response,
      <Layout title={`Versie ${rule.version} van de vergoedingsregeling`} before={<BackLink href="/ministerie/regels">Alle versies</BackLink>}>
        {notice && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        <RuleSummary rule={rule} />
        {rule.status === 'draft' ? (
          <>
            {rule.problems.length > 0 ? (
              <Alert type="warning">
                <Paragraph>Dit concept kan nog niet worden gepubliceerd:</Paragraph>
                <ul>
                  {rule.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <Heading level={2}>Wat wilt u doen?</Heading>
            <ul className="utrecht-unordered-list">
              <li>
                <Link href={`/ministerie/regels/${rule.version}/wijzigen`}>Dit concept wijzigen</Link>
              </li>
              <li>
                <Link href={`/ministerie/regels/${rule.version}/publiceren`}>Dit concept publiceren</Link>
              </li>
            </ul>
          </>
        ) : null}
      </Layout>,
    );
  }

  @Get(':version/wijzigen')
  async editForm(@Req() request: GatewayRequest, @Res() response: Response, @Param('version') versionText: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const rule = await this.draft(principal, versionText);
    const form = formValuesOf(rule);
    this.sendEditForm(request, response, rule, { ...form, values: { ...form.values, validFrom: formatDutchDate(rule.validFrom) } }, []);
  }

  @Post(':version/wijzigen')
  async edit(@Req() request: GatewayRequest, @Res() response: Response, @Param('version') versionText: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const rule = await this.draft(principal, versionText);
    const form = { values: formValues(body), costTypes: formList(body, 'costTypes') };
    const checked = ruleContentOf(form);
    if ('errors' in checked) return this.sendEditForm(request, response, rule, form, checked.errors, 400);
    const answer = await this.api.send<RuleVersion>(principal, 'reimbursement', 'PUT', `/v1/rules/${rule.version}`, checked.content);
    if (!answer.ok) return this.sendEditForm(request, response, rule, form, errorsOfProblem(answer.problem, 'validFrom', RULE_FIELD_NAMES), answer.status);
    redirectAfterPost(response, `/ministerie/regels/${rule.version}`, 'gewijzigd');
  }

  @Get(':version/publiceren')
  async confirmPublish(@Req() request: GatewayRequest, @Res() response: Response, @Param('version') versionText: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    this.sendConfirmation(request, response, await this.draft(principal, versionText));
  }

  @Post(':version/publiceren')
  async publish(@Req() request: GatewayRequest, @Res() response: Response, @Param('version') versionText: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const rule = await this.draft(principal, versionText);
    const answer = await this.api.send<RuleVersion>(principal, 'reimbursement', 'POST', `/v1/rules/${rule.version}/publish`);
    if (!answer.ok) {
      const refusal = errorsOfProblem({ ...answer.problem, errors: undefined }, 'publish')[0];
      return this.sendConfirmation(request, response, rule, refusal, answer.status);
    }
    redirectAfterPost(response, `/ministerie/regels/${rule.version}`, 'gepubliceerd');
  }

  private sendNewForm(request: GatewayRequest, response: Response, form: RuleFormValues, errors: FieldError[], idempotencyKey: string, status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Nieuwe versie van de vergoedingsregeling" errors={errors} before={<BackLink href="/ministerie/regels">Alle versies</BackLink>}>
        <Paragraph>U maakt een concept. Het geldt pas als u het daarna publiceert.</Paragraph>
        <RuleForm action="/ministerie/regels/nieuw" form={form} errors={errors} idempotencyKey={idempotencyKey} submitLabel="Concept opslaan" />
      </Layout>,
      status,
    );
  }

  private sendEditForm(request: GatewayRequest, response: Response, rule: RuleVersion, form: RuleFormValues, errors: FieldError[], status = 200): void {
    sendPage(
      request,
      response,
      <Layout title={`Concept versie ${rule.version} wijzigen`} errors={errors} before={<BackLink href={`/ministerie/regels/${rule.version}`}>Terug naar versie {rule.version}</BackLink>}>
        <RuleForm action={`/ministerie/regels/${rule.version}/wijzigen`} form={form} errors={errors} submitLabel="Wijzigingen opslaan" />
      </Layout>,
      status,
    );
  }

  private sendConfirmation(request: GatewayRequest, response: Response, rule: RuleVersion, refusal?: FieldError, status = 200): void {
    sendPage(
      request,
      response,
      <Layout title={`Versie ${rule.version} publiceren?`} before={<BackLink href={`/ministerie/regels/${rule.version}`}>Terug naar versie {rule.version}</BackLink>}>
        {refusal ? (
          <Alert type="error">
            <Paragraph>De versie is niet gepubliceerd: {refusal.message}</Paragraph>
          </Alert>
        ) : null}
        <Paragraph>
          Na publiceren geldt deze versie voor inschrijvingen vanaf {formatDate(rule.validFrom)}. Die inschrijvingen worden opnieuw beoordeeld. Een gepubliceerde versie kunt u
          niet meer wijzigen.
        </Paragraph>
        <RuleSummary rule={rule} />
        <Form action={`/ministerie/regels/${rule.version}/publiceren`}>
          <Button>Ja, versie {rule.version} publiceren</Button>
        </Form>
        <Paragraph>
          <Link href={`/ministerie/regels/${rule.version}`}>Nee, niet publiceren</Link>
        </Paragraph>
      </Layout>,
      status,
    );
  }

  private async versions(principal: Principal): Promise<RuleVersion[]> {
    const page = await this.api.get<{ items: RuleVersion[] }>(principal, 'reimbursement', '/v1/rules', { limit: 100 });
    return [...page.items].sort((a, b) => b.version - a.version);
  }

  private async version(principal: Principal, versionText: string): Promise<RuleVersion> {
    if (!/^[1-9]\d{0,8}$/.test(versionText)) throw new NotFoundException();
    const rule = await this.api.find<RuleVersion>(principal, 'reimbursement', `/v1/rules/${versionText}`);
    if (!rule) throw new NotFoundException();
    return rule;
  }

  /** Only a draft can change or be published; a published version's address leads to its page. */
  private async draft(principal: Principal, versionText: string): Promise<RuleVersion> {
    const rule = await this.version(principal, versionText);
    if (rule.status !== 'draft') throw new NotFoundException();
    return rule;
  }
}

function formatDutchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

function RuleSummary({ rule }: { rule: RuleVersion }) {
  return (
    <SummaryList
      rows={[
        ['Status', rule.status === 'draft' ? 'Concept' : `Gepubliceerd op ${formatDateTime(rule.publishedAt)}`],
        ['Ingangsdatum', formatDate(rule.validFrom)],
        ['Kosten die meetellen', rule.costTypes.map((type) => COST_TYPE_NAMES[type] ?? type).join(', ')],
        ['Vergoed deel', `${formatNumber(rule.percentageBasisPoints / 100)}%`],
        ['Maximum per leraar per aanbod', formatEuro(rule.maxPerParticipantPerOfferCents)],
        ['Maximum per leraar per schooljaar', formatEuro(rule.maxPerParticipantPerSchoolYearCents)],
        [
          'Deelname telt mee als',
          `${PARTICIPATION_NAMES[rule.participation.kind] ?? rule.participation.kind}${rule.participation.kind === 'completed' ? ` (${formatNumber(rule.participation.minimumAttendancePercent)}%)` : ''}`,
        ],
        ['Grens voor beoordeling', rule.reviewAboveCents === null ? 'Geen' : formatEuro(rule.reviewAboveCents)],
        ['Toelichting', rule.note || '–'],
        ['Aangemaakt', formatDateTime(rule.createdAt)],
      ]}
    />
  );
}
