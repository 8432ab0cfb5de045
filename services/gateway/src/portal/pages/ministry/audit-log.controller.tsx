import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { QueryAuditLog, type AuditLogFilter } from '../../../audit/application/query-audit-log';
import { ROUTED_SERVICES } from '../../../routing/domain/service-routes';
import { principalOf, PortalPages, sendPage } from '../../http/portal-page';
import { Button, DataTable, Form, Heading, Link, Pagination, Paragraph, SelectField, TextField, type FieldError } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { hrefWith, parseCalendarDate } from './ministry-format';

const PAGE_SIZE = 25;
const FILTERS = ['actor', 'service', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number] | 'cursor', string>>;

/**
 * The gateway's audit log (every write through the gateway: who, which route, the answer's status, the request id),
 * read from the gateway's own application service: it is the gateway's data, not a service's API.
 */
@PortalPages('ministerie/auditlog')
export class MinistryAuditLogController {
  constructor(private readonly auditLog: QueryAuditLog) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    principalOf(request, 'ministry', 'admin');
    const typed: Filters = {};
    for (const name of [...FILTERS, 'cursor'] as const) if (typeof query[name] === 'string' && query[name]) typed[name] = (query[name] as string).trim();
    const checked = auditFilterOf(typed);
    const page = 'errors' in checked ? undefined : await this.auditLog.execute(checked.filter);
    const errors = 'errors' in checked ? checked.errors : [];
    const filters = { actor: typed.actor, service: typed.service, from: typed.from, to: typed.to };
    sendPage(
      request,
      response,
      <Layout title="Auditlog" errors={errors}>
        <Paragraph lead>Elke schrijfactie via de gateway: wie, welke route, het antwoord en het request-id. De nieuwste staan bovenaan.</Paragraph>
        <Form action="/ministerie/auditlog" method="get" label="Auditlog filteren">
          <TextField name="actor" label="Gebruiker" description="Het account (subject), bijvoorbeeld demo-ministerie-ocw." value={typed.actor} errors={errors} />
          <SelectField name="service" label="Dienst" value={typed.service} errors={errors} emptyLabel="Alle diensten" choices={ROUTED_SERVICES.map((service) => ({ value: service, label: service }))} />
          <TextField name="from" label="Vanaf datum" description="Bijvoorbeeld 01-11-2026." value={typed.from} errors={errors} width="short" />
          <TextField name="to" label="Tot en met datum" description="Bijvoorbeeld 30-11-2026." value={typed.to} errors={errors} width="short" />
          <Button secondary>Filteren</Button>
        </Form>
        {page ? (
          <>
            <Heading level={2}>Schrijfacties</Heading>
            <DataTable
              caption={typed.cursor ? 'Schrijfacties (volgende pagina)' : 'Schrijfacties, nieuwste eerst'}
              empty="Geen schrijfacties gevonden met deze filters."
              rowKey={(entry) => entry.id}
              rows={page.items}
              columns={[
                { header: 'Tijdstip', cell: (entry) => formatDateTime(entry.at) },
                { header: 'Gebruiker', cell: (entry) => entry.actor ?? 'Niet aangemeld' },
                { header: 'Actie', cell: (entry) => <code>{`${entry.method} ${entry.path}`}</code> },
                { header: 'Dienst', cell: (entry) => entry.service ?? 'Gateway (portaal)' },
                { header: 'Status', numeric: true, cell: (entry) => String(entry.status) },
                { header: 'Request-id', cell: (entry) => <code>{entry.requestId}</code> },
              ]}
            />
            <Pagination nextHref={page.nextCursor ? hrefWith('/ministerie/auditlog', { ...filters, cursor: page.nextCursor }) : undefined} />
            {typed.cursor ? (
              <Paragraph>
                <Link href={hrefWith('/ministerie/auditlog', filters)}>Terug naar de nieuwste schrijfacties</Link>
              </Paragraph>
            ) : null}
          </>
        ) : null}
      </Layout>,
      errors.length > 0 ? 400 : 200,
    );
  }
}

/** The filters as typed, checked: the audit log's query, or what is wrong with them. */
export function auditFilterOf(typed: Filters): { filter: AuditLogFilter } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (typed.actor && typed.actor.length > 200) errors.push({ field: 'actor', message: 'De gebruiker is te lang: hoogstens 200 tekens' });
  if (typed.service && !(ROUTED_SERVICES as readonly string[]).includes(typed.service)) errors.push({ field: 'service', message: 'Kies een dienst uit de lijst' });
  const from = typed.from ? parseCalendarDate(typed.from) : undefined;
  if (typed.from && !from) errors.push({ field: 'from', message: 'Vul de datum ‘vanaf’ in als een bestaande datum, bijvoorbeeld 01-11-2026' });
  const to = typed.to ? parseCalendarDate(typed.to) : undefined;
  if (typed.to && !to) errors.push({ field: 'to', message: 'Vul de datum ‘tot en met’ in als een bestaande datum, bijvoorbeeld 30-11-2026' });
  if (from && to && to < from) errors.push({ field: 'to', message: 'De datum ‘tot en met’ kan niet voor de datum ‘vanaf’ liggen' });
  // A cursor only ever comes from our own "next page" link; a tampered one starts again at the first page.
  const cursor = typed.cursor && /^[A-Za-z0-9_-]{1,1000}$/.test(typed.cursor) ? typed.cursor : undefined;
  if (errors.length > 0) return { errors };
  return {
    filter: {
      actor: typed.actor || undefined,
      service: typed.service || undefined,
      from: from ? amsterdamMidnight(from) : undefined,
      to: to ? amsterdamMidnight(nextDay(to)) : undefined,
      cursor,
      limit: PAGE_SIZE,
    },
  };
}

function nextDay(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** The start of a day in the Netherlands, as a moment (UTC). */
export function amsterdamMidnight(date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(new Date(utcMidnight))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset ?? '');
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(utcMidnight - minutes * 60_000).toISOString();
}
