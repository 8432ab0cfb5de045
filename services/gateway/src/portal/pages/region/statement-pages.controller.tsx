import { Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi, PortalApiError } from '../../application/portal-api';
import { PortalPages, principalOf, sendPage } from '../../http/portal-page';
import { BackLink, Button, DataTable, Form, Heading, Link, Paragraph, SelectField, SummaryList, Tag, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatEuro } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { regionIdOf, requireUuid, type Statement, type StatementStatus } from './region-data';
import { periodLabel, STATEMENT_ITEM_KIND_LABELS, STATEMENT_STATUS_LABELS } from './region-labels';

const STATUS_CHOICES = Object.entries(STATEMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }));

const isStatementStatus = (value: string): value is StatementStatus => Object.prototype.hasOwnProperty.call(STATEMENT_STATUS_LABELS, value);

/**
 * The region's payment statements per quarter (open, payable, paid) with their lines, and the export for the
 * financial administration. The export is the service's own download (CSV or JSON with a Content-Disposition), which
 * the browser fetches through the gateway's API route with the session cookie: a plain link, nothing copied here.
 */
@PortalPages('regio/overzichten')
export class StatementPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('status') statusParam?: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    regionIdOf(principal);
    const status = typeof statusParam === 'string' ? statusParam : '';
    const errors: FieldError[] = status && !isStatementStatus(status) ? [{ field: 'status', message: 'Kies een status uit de lijst' }] : [];
    const statements = errors.length > 0 ? [] : await this.api.getAll<Statement>(principal, 'reimbursement', '/v1/statements', { status: status || undefined }, 20);
    sendPage(
      request,
      response,
      <Layout title="Betaaloverzichten" errors={errors}>
        <Paragraph lead>
          Per kwartaal een overzicht van wat het ministerie aan uw regio betaalt voor goedgekeurde declaraties, en wat het terugvordert. Een open overzicht
          loopt nog; na de uiterste datum wordt het betaalbaar gesteld en daarna betaald.
        </Paragraph>
        <Form action="/regio/overzichten" method="get" label="Filter op status">
          <SelectField name="status" label="Status" value={status} choices={STATUS_CHOICES} emptyLabel="Alle statussen" errors={errors} />
          <Button secondary>Filteren</Button>
        </Form>
        <Heading level={2}>{isStatementStatus(status) ? `Overzichten met status ‘${STATEMENT_STATUS_LABELS[status]}’` : 'Alle overzichten'}</Heading>
        <DataTable
          caption="Betaaloverzichten van uw regio, nieuwste eerst"
          empty="Er zijn geen betaaloverzichten met deze status."
          rows={statements}
          rowKey={(statement) => statement.statementId}
          columns={[
            { header: 'Periode', cell: (statement) => <Link href={`/regio/overzichten/${statement.statementId}`}>{periodLabel(statement.period)}</Link> },
            { header: 'Status', cell: (statement) => <Tag>{STATEMENT_STATUS_LABELS[statement.status]}</Tag> },
            { header: 'Uiterste datum', cell: (statement) => formatDate(statement.deadline) },
            { header: 'Regels', cell: (statement) => String(statement.itemCount), numeric: true },
            { header: 'Betalingen', cell: (statement) => formatEuro(statement.paymentsCents), numeric: true },
            { header: 'Terugvorderingen', cell: (statement) => formatEuro(statement.clawBacksCents), numeric: true },
            { header: 'Netto', cell: (statement) => formatEuro(statement.netCents), numeric: true },
          ]}
        />
      </Layout>,
      errors.length > 0 ? 400 : 200,
    );
  }

  @Get(':statementId')
  async statement(@Req() request: GatewayRequest, @Res() response: Response, @Param('statementId') statementId: string): Promise<void> {
    const principal = principalOf(request, 'region');
    regionIdOf(principal);
    const id = requireUuid(statementId);
    const statement = await this.api.find<Statement>(principal, 'reimbursement', `/v1/statements/${id}`);
    if (!statement) throw new PortalApiError(404, { status: 404 });
    const period = periodLabel(statement.period);
    const exportHref = (format: 'csv' | 'json') => `/api/reimbursement/v1/statements/${id}/export?format=${format}`;
    sendPage(
      request,
      response,
      <Layout title={`Betaaloverzicht ${period}`} before={<BackLink href="/regio/overzichten">Alle betaaloverzichten</BackLink>}>
        <SummaryList
          rows={[
            ['Status', <Tag key="status">{STATEMENT_STATUS_LABELS[statement.status]}</Tag>],
            ['Uiterste datum', formatDate(statement.deadline)],
            ['Betaalbaar gesteld op', formatDateTime(statement.payableAt)],
            ['Betaald op', formatDateTime(statement.paidAt)],
            ['Betalingskenmerk', statement.paymentReference ?? '–'],
            ['Betalingen', formatEuro(statement.paymentsCents)],
            ['Terugvorderingen', formatEuro(statement.clawBacksCents)],
            ['Netto', formatEuro(statement.netCents)],
          ]}
        />
        <Heading level={2}>Downloaden voor uw administratie</Heading>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={exportHref('csv')} download>
              Betaaloverzicht {period} als CSV (voor Excel en de financiële administratie)
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={exportHref('json')} download>
              Betaaloverzicht {period} als JSON
            </a>
          </li>
        </ul>
        <Heading level={2}>Regels</Heading>
        <DataTable
          caption={`Regels van het betaaloverzicht ${period}`}
          empty="Dit overzicht heeft nog geen regels."
          rows={statement.items ?? []}
          rowKey={(item) => item.itemId}
          columns={[
            { header: 'Soort', cell: (item) => STATEMENT_ITEM_KIND_LABELS[item.kind] },
            { header: 'Declaratie', cell: (item) => <Link href={`/regio/declaraties/${item.claimId}`}>{`Declaratie ${item.claimId.slice(0, 8)}, regel ${item.lineNo}`}</Link> },
            { header: 'Inschrijving', cell: (item) => item.enrolmentId.slice(0, 8) },
            { header: 'Budgetjaar', cell: (item) => String(item.budgetYear) },
            { header: 'Bedrag', cell: (item) => formatEuro(item.kind === 'claw-back' ? -item.amountCents : item.amountCents), numeric: true },
            { header: 'Toegevoegd op', cell: (item) => formatDate(item.addedAt) },
          ]}
        />
      </Layout>,
    );
  }
}
