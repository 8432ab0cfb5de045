import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { PortalPages, principalOf, sendPage } from '../../http/portal-page';
import { ButtonLink, DataTable, Heading, Paragraph, SummaryList } from '../../ui/components';
import { formatEuro, formatPercent } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { regionIdOf, type Region, type YearBudget } from './region-data';

/** The region's budget per calendar year: what the ministry allocated, what claims committed, what was paid. */
@PortalPages('regio')
export class BudgetPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async budget(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'region');
    const regionId = regionIdOf(principal);
    const [region, budgets] = await Promise.all([
      this.api.get<Region>(principal, 'reimbursement', `/v1/regions/${encodeURIComponent(regionId)}`),
      this.api.get<YearBudget[]>(principal, 'reimbursement', `/v1/regions/${encodeURIComponent(regionId)}/budgets`),
    ]);
    const years = [...budgets].sort((a, b) => a.year - b.year);
    const thisYear = years.find((budget) => budget.year === new Date().getFullYear()) ?? years[0];
    sendPage(
      request,
      response,
      <Layout title="Budget van uw regio" caption={region.name}>
        <Paragraph lead>
          Hoeveel budget uw onderwijsregio per jaar heeft gekregen, hoeveel daarvan al is vastgelegd in declaraties en hoeveel al is betaald.
        </Paragraph>
        {thisYear ? (
          <>
            <Heading level={2}>Nog beschikbaar in {thisYear.year}</Heading>
            <SummaryList
              rows={[
                ['Toegekend', formatEuro(thisYear.allocatedCents)],
                ['Vastgelegd, nog niet betaald', formatEuro(thisYear.committedCents)],
                ['Betaald', formatEuro(thisYear.paidCents)],
                ['Nog beschikbaar', formatEuro(thisYear.availableCents)],
              ]}
            />
          </>
        ) : null}
        <Heading level={2}>Alle jaren</Heading>
        <DataTable
          caption="Budget per jaar"
          empty="Het ministerie heeft uw regio nog geen budget toegekend."
          rows={years}
          rowKey={(budget) => String(budget.year)}
          columns={[
            { header: 'Jaar', cell: (budget) => String(budget.year) },
            { header: 'Tranche', cell: (budget) => budget.trancheCode ?? '–' },
            { header: 'Toegekend', cell: (budget) => formatEuro(budget.allocatedCents), numeric: true },
            { header: 'Vastgelegd', cell: (budget) => formatEuro(budget.committedCents), numeric: true },
            { header: 'Betaald', cell: (budget) => formatEuro(budget.paidCents), numeric: true },
            { header: 'Teruggevorderd', cell: (budget) => formatEuro(budget.clawedBackCents), numeric: true },
            { header: 'Nog beschikbaar', cell: (budget) => formatEuro(budget.availableCents), numeric: true },
            { header: 'Gebruikt', cell: (budget) => usedPercentage(budget), numeric: true },
          ]}
        />
        <Paragraph>
          Vastgelegd is het bedrag van ingediende declaraties dat nog niet is betaald. Nog beschikbaar is toegekend min vastgelegd min betaald (een
          terugvordering komt er weer bij).
        </Paragraph>
        <ButtonLink href="/regio/inschrijvingen">Inschrijvingen bekijken</ButtonLink>{' '}
        <ButtonLink href="/regio/declaraties/nieuw" secondary>
          Declaratie opstellen
        </ButtonLink>
      </Layout>,
    );
  }
}

/** How much of the allocation is spoken for (committed plus paid, less what came back). */
function usedPercentage(budget: YearBudget): string {
  if (budget.allocatedCents <= 0) return '–';
  return formatPercent((budget.allocatedCents - budget.availableCents) / budget.allocatedCents);
}
