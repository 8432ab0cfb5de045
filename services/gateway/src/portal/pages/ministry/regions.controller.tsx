import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formValues, requireFields, type FormValues } from '../../http/form';
import { principalOf, PortalPages, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, DataTable, Form, Heading, Link, Paragraph, SummaryList, Tag, TextField, type FieldError } from '../../ui/components';
import { formatEuro, parseEuroToCents } from '../../ui/format';
import { Layout } from '../../ui/layout';
import type { YearBudget } from '../region/region-data';
import { allRegions, type Region } from './ministry-format';

interface Tranche {
  readonly code: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly amountCents: number;
  readonly allocatedCents: number;
  readonly leftCents: number;
  readonly conditional: boolean;
  readonly released: boolean;
}

const KIND_NAMES: Record<string, string> = { area: 'Regio', national: 'Landelijke regio' };

/** The education regions: the list, and per region its budget per year, with a form to allocate a year's budget. */
@PortalPages('ministerie/regio-s')
export class MinistryRegionsController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const regions = await allRegions(this.api, principal);
    sendPage(
      request,
      response,
      <Layout title="Regio’s">
        <Paragraph lead>De onderwijsregio’s en hun budget per jaar. Kies een regio om haar budget te zien of toe te kennen.</Paragraph>
        <DataTable
          caption="Onderwijsregio’s"
          empty="Er zijn nog geen regio’s."
          rowKey={(region) => region.regionId}
          rows={regions}
          columns={[
            { header: 'Regio', cell: (region) => <Link href={`/ministerie/regio-s/${region.regionId}`}>{region.name}</Link> },
            { header: 'Soort', cell: (region) => KIND_NAMES[region.kind] ?? region.kind },
            { header: 'Penvoerder', cell: (region) => region.leadApplicant },
            { header: 'Status', cell: (region) => (region.active ? 'Actief' : <Tag>Gesloten</Tag>) },
          ]}
        />
      </Layout>,
    );
  }

  @Get(':regionId')
  async view(@Req() request: GatewayRequest, @Res() response: Response, @Param('regionId') regionId: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'ministry');
    await this.sendRegion(request, response, principal, regionId, { values: {}, errors: [], notice });
  }

  @Post(':regionId/budget')
  async allocate(@Req() request: GatewayRequest, @Res() response: Response, @Param('regionId') regionId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry');
    const values = formValues(body);
    const errors = requireFields(values, { year: 'Vul het jaar in', amount: 'Vul het budget in' });
    const year = Number(values.year);
    if (values.year && !(/^\d{4}$/.test(values.year) && year >= 2000 && year <= 2100)) errors.push({ field: 'year', message: 'Vul het jaar in als vier cijfers, bijvoorbeeld 2027' });
    const amountCents = values.amount ? parseEuroToCents(values.amount) : undefined;
    if (values.amount && amountCents === undefined) errors.push({ field: 'amount', message: 'Vul het budget in als een bedrag in euro, bijvoorbeeld 420.000' });
    if (errors.length > 0) return this.sendRegion(request, response, principal, regionId, { values, errors, status: 400 });
    const answer = await this.api.send(principal, 'reimbursement', 'PUT', `/v1/regions/${encodeURIComponent(regionId)}/budgets/${year}`, { amountCents });
    if (!answer.ok) {
      // A year no tranche covers, or whose tranche is not released, is about the year; anything else about the amount.
      const aboutYear = answer.problem.code === 'YEAR_OUTSIDE_TRANCHES' || answer.problem.code === 'TRANCHE_NOT_RELEASED';
      const refused = errorsOfProblem(answer.problem, aboutYear ? 'year' : 'amount', { amountCents: 'amount', year: 'year' });
      return this.sendRegion(request, response, principal, regionId, { values, errors: refused, status: answer.status });
    }
    redirectAfterPost(response, `/ministerie/regio-s/${regionId}`, 'toegekend');
  }

  private async sendRegion(
    request: GatewayRequest,
    response: Response,
    principal: Principal,
    regionId: string,
    form: { values: FormValues; errors: FieldError[]; notice?: string; status?: number },
  ): Promise<void> {
    if (!/^[a-z0-9-]{1,100}$/.test(regionId)) throw new NotFoundException();
    const region = await this.api.find<Region>(principal, 'reimbursement', `/v1/regions/${regionId}`);
    if (!region) throw new NotFoundException();
    const [budgets, tranches] = await Promise.all([
      this.api.get<YearBudget[]>(principal, 'reimbursement', `/v1/regions/${regionId}/budgets`),
      this.api.get<Tranche[]>(principal, 'reimbursement', '/v1/budget/tranches'),
    ]);
    sendPage(
      request,
      response,
      <Layout title={region.name} caption="Onderwijsregio" errors={form.errors} before={<BackLink href="/ministerie/regio-s">Alle regio’s</BackLink>}>
        {form.notice === 'toegekend' ? <Alert type="ok">Het budget is toegekend.</Alert> : null}
        <SummaryList
          rows={[
            ['Soort', KIND_NAMES[region.kind] ?? region.kind],
            ['Penvoerder', region.leadApplicant],
            ['Status', region.active ? 'Actief' : 'Gesloten'],
          ]}
        />
        <Heading level={2}>Budget per jaar</Heading>
        <DataTable
          caption={`Budget van ${region.name} per jaar`}
          empty="Deze regio heeft nog geen budget."
          rowKey={(budget) => String(budget.year)}
          rows={budgets}
          columns={[
            { header: 'Jaar', cell: (budget) => String(budget.year) },
            { header: 'Tranche', cell: (budget) => budget.trancheCode ?? '–' },
            { header: 'Toegekend', numeric: true, cell: (budget) => formatEuro(budget.allocatedCents) },
            { header: 'Vastgelegd', numeric: true, cell: (budget) => formatEuro(budget.committedCents) },
            { header: 'Betaald', numeric: true, cell: (budget) => formatEuro(budget.paidCents) },
            { header: 'Teruggevorderd', numeric: true, cell: (budget) => formatEuro(budget.clawedBackCents) },
            { header: 'Beschikbaar', numeric: true, cell: (budget) => formatEuro(budget.availableCents) },
          ]}
        />
        <Heading level={2}>Budget toekennen</Heading>
        <Paragraph>Het bedrag is het nieuwe totaal voor dat jaar. Het komt uit de tranche van dat jaar; daarin is nog over:</Paragraph>
        <ul className="utrecht-unordered-list">
          {tranches.map((tranche) => (
            <li key={tranche.code}>
              Tranche {tranche.code} ({tranche.firstYear} tot en met {tranche.lastYear}): {formatEuro(tranche.leftCents)} over
              {tranche.conditional && !tranche.released ? ' (voorwaardelijk, nog niet vrijgegeven)' : ''}
            </li>
          ))}
        </ul>
        <Form action={`/ministerie/regio-s/${region.regionId}/budget`}>
          <TextField name="year" label="Jaar" value={form.values.year} errors={form.errors} inputMode="numeric" width="short" />
          <TextField name="amount" label="Budget (euro)" description="Bijvoorbeeld 420.000." value={form.values.amount} errors={form.errors} inputMode="decimal" width="short" />
          <Button>Budget toekennen</Button>
        </Form>
      </Layout>,
      form.status ?? 200,
    );
  }
}
