import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { PortalPages, principalOf, sendPage } from '../../http/portal-page';
import { Button, ButtonLink, DataTable, Form, Heading, Link, Pagination, Paragraph, SelectField, Tag, type FieldError } from '../../ui/components';
import { formatDate, formatEuro } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { offerTitles, regionIdOf, type Outcome, type Page } from './region-data';
import { isReasonCode, REASON_CHOICES, reasonLabel } from './region-labels';

const PAGE_SIZE = 50;

/** The enrolments at the region's schools with the reimbursement outcome: why each one can (not) be claimed. */
@PortalPages('regio/inschrijvingen')
export class EnrolmentPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('reden') reasonParam?: unknown, @Query('cursor') cursorParam?: unknown): Promise<void> {
    const principal = principalOf(request, 'region');
    const regionId = regionIdOf(principal);
    const reason = typeof reasonParam === 'string' ? reasonParam : '';
    const cursor = typeof cursorParam === 'string' && cursorParam.length <= 500 ? cursorParam : undefined;
    const errors: FieldError[] = reason && !isReasonCode(reason) ? [{ field: 'reden', message: 'Kies een uitkomst uit de lijst' }] : [];
    const page: Page<Outcome> =
      errors.length > 0
        ? { items: [], nextCursor: null, hasMore: false }
        : await this.api.get<Page<Outcome>>(principal, 'reimbursement', `/v1/regions/${encodeURIComponent(regionId)}/enrolments`, {
            reason: reason || undefined,
            cursor,
            limit: PAGE_SIZE,
          });
    const titles = await offerTitles(this.api, principal, page.items.map((outcome) => outcome.offerId));
    const filter = reason ? `reden=${encodeURIComponent(reason)}&` : '';
    const eligibleShown = page.items.some((outcome) => outcome.eligible);
    sendPage(
      request,
      response,
      <Layout title="Inschrijvingen in uw regio" errors={errors}>
        <Paragraph lead>
          De inschrijvingen van leraren op scholen in uw regio, met de uitkomst: komt de inschrijving in aanmerking voor vergoeding, en zo niet, waarom niet.
        </Paragraph>
        <Form action="/regio/inschrijvingen" method="get" label="Filter op uitkomst">
          <SelectField name="reden" label="Uitkomst" value={reason} choices={REASON_CHOICES} emptyLabel="Alle uitkomsten" errors={errors} />
          <Button secondary>Filteren</Button>
        </Form>
        <Heading level={2}>{reason && isReasonCode(reason) ? `Uitkomst: ${reasonLabel(reason)}` : 'Alle inschrijvingen'}</Heading>
        <DataTable
          caption={`Inschrijvingen${reason && isReasonCode(reason) ? ` met uitkomst ‘${reasonLabel(reason)}’` : ''}`}
          empty="Er zijn geen inschrijvingen met deze uitkomst."
          rows={page.items}
          rowKey={(outcome) => outcome.enrolmentId}
          columns={[
            { header: 'School', cell: (outcome) => outcome.schoolId ?? '–' },
            { header: 'Aanbod', cell: (outcome) => titles.get(outcome.offerId) ?? 'Onbekend aanbod' },
            { header: 'Ingeschreven op', cell: (outcome) => formatDate(outcome.enrolledOn) },
            { header: 'Budgetjaar', cell: (outcome) => (outcome.budgetYear === null ? '–' : String(outcome.budgetYear)) },
            {
              header: 'Uitkomst',
              cell: (outcome) => (
                <>
                  <Tag>{reasonLabel(outcome.reason)}</Tag> {outcome.reasonText}
                </>
              ),
            },
            { header: 'Bedrag', cell: (outcome) => (outcome.eligible ? formatEuro(outcome.amountCents) : '–'), numeric: true },
          ]}
        />
        {cursor ? (
          <Paragraph>
            <Link href={`/regio/inschrijvingen${reason ? `?reden=${encodeURIComponent(reason)}` : ''}`}>Terug naar de eerste pagina</Link>
          </Paragraph>
        ) : null}
        <Pagination
          nextHref={page.hasMore && page.nextCursor ? `/regio/inschrijvingen?${filter}cursor=${encodeURIComponent(page.nextCursor)}` : undefined}
        />
        {eligibleShown ? <ButtonLink href="/regio/declaraties/nieuw">Declaratie opstellen</ButtonLink> : null}
      </Layout>,
      errors.length > 0 ? 400 : 200,
    );
  }
}
