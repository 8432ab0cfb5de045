import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { principalOf, PortalPages, sendPage } from '../../http/portal-page';
import type { FieldError } from '../../ui/components';
import { Layout } from '../../ui/layout';
import { AsOfForm, DashboardFigures, type Figures, type ForecastFigures, type MoneyFigures, type ParticipantFigures, type PathFigures } from './dashboard-page';
import { allRegions, parseCalendarDate, regionNamer, todayInAmsterdam } from './ministry-format';

/** The ministry's dashboard: progress to 60,000 teachers with the forecast, by sector, region and path, and the budget. */
@PortalPages('ministerie')
export class MinistryDashboardController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async dashboard(@Req() request: GatewayRequest, @Res() response: Response, @Query('peildatum') asOfText?: unknown): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const typed = typeof asOfText === 'string' ? asOfText.trim() : '';
    const checked = checkAsOf(typed);
    if ('error' in checked) {
      sendPage(
        request,
        response,
        <Layout title="Dashboard" errors={[checked.error]}>
          <AsOfForm value={typed} errors={[checked.error]} />
        </Layout>,
        400,
      );
      return;
    }
    const asOf = checked.asOf;
    const [participants, forecast, money, paths, regions] = await Promise.all([
      this.api.get<Figures<ParticipantFigures>>(principal, 'monitoring', '/v1/figures/participants', { asOf }),
      this.api.get<Figures<ForecastFigures>>(principal, 'monitoring', '/v1/figures/forecast', { asOf }),
      this.api.get<Figures<MoneyFigures>>(principal, 'monitoring', '/v1/figures/money', { asOf }),
      this.api.get<Figures<PathFigures>>(principal, 'monitoring', '/v1/figures/paths', { asOf }),
      allRegions(this.api, principal),
    ]);
    const pathTitles = new Map(paths.figures.paths.map((path) => [path.code, path.title]));
    const regionName = regionNamer(regions);
    sendPage(
      request,
      response,
      <Layout title="Dashboard">
        <AsOfForm value={typed} errors={[]} />
        <DashboardFigures
          data={{
            participants,
            forecast,
            money,
            regionName: (key) => regionName(key),
            pathTitle: (code) => (code === 'geen-pad' ? 'Zonder ontwikkelpad' : (pathTitles.get(code) ?? code)),
          }}
        />
      </Layout>,
    );
  }
}

/** The as-of date from the form: empty is today; a date that does not exist, or lies after today, is refused. */
export function checkAsOf(typed: string, today = todayInAmsterdam()): { asOf?: string } | { error: FieldError } {
  if (typed === '') return {};
  const asOf = parseCalendarDate(typed);
  if (!asOf) return { error: { field: 'peildatum', message: 'Vul de peildatum in als een bestaande datum, bijvoorbeeld 31-01-2027' } };
  if (asOf > today) return { error: { field: 'peildatum', message: 'De peildatum kan niet na vandaag liggen' } };
  return { asOf };
}
