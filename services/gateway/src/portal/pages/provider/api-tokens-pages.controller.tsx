import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import { CreateApiToken } from '../../../api-tokens/application/create-api-token';
import { ListApiTokens } from '../../../api-tokens/application/list-api-tokens';
import { RevokeApiToken } from '../../../api-tokens/application/revoke-api-token';
import { RotateApiToken } from '../../../api-tokens/application/rotate-api-token';
import type { ApiTokenView, CreatedApiToken } from '../../../api-tokens/application/api-token-views';
import { API_TOKEN_DAYS, API_TOKEN_PERMISSIONS, isUsable, type ApiTokenPermission } from '../../../api-tokens/domain/api-token';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { formList, formValues, requireFields, type FormValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ButtonLink, ChoiceGroup, DataTable, Form, Heading, Link, Pagination, Paragraph, SummaryList, Tag, TextField, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { API_TOKEN_PERMISSION_LABELS, isUuid, labelOf, namesTarget } from './provider-labels';

const NOTICES: Record<string, string> = { ingetrokken: 'Het API-token is ingetrokken. Het werkt niet meer.' };

const tokenState = (token: ApiTokenView) =>
  token.revokedAt ? 'Ingetrokken' : isUsable({ expiresAt: new Date(token.expiresAt), revokedAt: null }, new Date()) ? 'Actief' : 'Verlopen';

/**
 * The provider's API tokens for their own systems. The tokens live in the gateway itself, so these pages use the
 * gateway's own application services (the same ones behind /v1/api-tokens), never a service API.
 */
@PortalPages('opleider/api-tokens')
export class ApiTokensPagesController {
  constructor(
    private readonly createToken: CreateApiToken,
    private readonly listTokens: ListApiTokens,
    private readonly rotateToken: RotateApiToken,
    private readonly revokeToken: RevokeApiToken,
  ) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response, @Query('na') cursor?: string, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const page = await this.listTokens.execute(principal, { limit: 50, cursor: cursor || undefined });
    const text = notice ? NOTICES[notice] : undefined;
    sendPage(
      request,
      response,
      <Layout title="API-tokens">
        {text ? <Alert type="ok">{text}</Alert> : null}
        <Paragraph lead>Met een API-token koppelt u uw eigen systeem aan het platform, bijvoorbeeld om aanbod of aanwezigheid door te geven.</Paragraph>
        <ButtonLink href="/opleider/api-tokens/nieuw">Nieuw API-token maken</ButtonLink>
        <DataTable
          caption="Uw API-tokens, nieuwste eerst"
          rows={page.items}
          rowKey={(token) => token.id}
          empty="U heeft nog geen API-tokens."
          columns={[
            { header: 'Naam', cell: (token) => <Link href={`/opleider/api-tokens/${token.id}`}>{token.name}</Link> },
            { header: 'Begint met', cell: (token) => <code>{token.hint}</code> },
            { header: 'Status', cell: (token) => <Tag>{tokenState(token)}</Tag> },
            { header: 'Verloopt', cell: (token) => formatDate(token.expiresAt) },
            { header: 'Laatst gebruikt', cell: (token) => formatDateTime(token.lastUsedAt) },
          ]}
        />
        <Pagination nextHref={page.hasMore && page.nextCursor ? `/opleider/api-tokens?na=${encodeURIComponent(page.nextCursor)}` : undefined} />
      </Layout>,
    );
  }

  @Get('nieuw')
  newToken(@Req() request: GatewayRequest, @Res() response: Response): void {
    principalOf(request, 'provider');
    this.sendNewForm(request, response, { expiresInDays: String(API_TOKEN_DAYS.default) }, [], []);
  }

  /** The new token is shown on this post's own answer, once: it is never in a URL and never stored readable. */
  @Post('nieuw')
  async create(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    const values = formValues(body);
    const permissions = formList(body, 'permissions');
    const errors = requireFields(values, { name: 'Vul een naam in, zodat u het token later herkent' });
    if (values.name && (values.name.length < 3 || values.name.length > 100)) errors.push({ field: 'name', message: 'De naam is 3 tot 100 tekens lang' });
    if (permissions.length === 0) errors.push({ field: 'permissions', message: 'Kies minstens één toestemming' });
    if (permissions.some((permission) => !(API_TOKEN_PERMISSIONS as readonly string[]).includes(permission))) errors.push({ field: 'permissions', message: 'Kies alleen toestemmingen uit de lijst' });
    const days = /^\d{1,3}$/.test(values.expiresInDays ?? '') ? Number(values.expiresInDays) : undefined;
    if (!days || days > API_TOKEN_DAYS.max) errors.push({ field: 'expiresInDays', message: `Vul een aantal dagen in van 1 tot en met ${API_TOKEN_DAYS.max}` });
    if (errors.length > 0) return this.sendNewForm(request, response, values, permissions, errors, 400);
    const created = await this.createToken.execute(principal, { name: values.name, permissions: [...new Set(permissions)] as ApiTokenPermission[], expiresInDays: days });
    this.sendCreated(request, response, created, 'Uw nieuwe API-token');
  }

  @Get(':tokenId')
  async token(@Req() request: GatewayRequest, @Res() response: Response, @Param('tokenId') tokenId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const token = await this.ownToken(principal, tokenId);
    const usable = tokenState(token) === 'Actief';
    sendPage(
      request,
      response,
      <Layout title={token.name} caption="API-token" before={<BackLink href="/opleider/api-tokens">Terug naar de API-tokens</BackLink>}>
        <SummaryList
          rows={[
            ['Status', <Tag key="state">{tokenState(token)}</Tag>],
            ['Begint met', <code key="hint">{token.hint}</code>],
            ['Toestemmingen', token.permissions.map((permission) => labelOf(API_TOKEN_PERMISSION_LABELS, permission)).join(', ')],
            ['Gemaakt', formatDateTime(token.createdAt)],
            ['Verloopt', formatDateTime(token.expiresAt)],
            ['Ingetrokken', formatDateTime(token.revokedAt)],
            ['Laatst gebruikt', formatDateTime(token.lastUsedAt)],
            ['Aantal keer gebruikt', formatNumber(token.useCount)],
          ]}
        />
        {usable ? (
          <>
            <Heading level={2}>Token vervangen</Heading>
            <Paragraph>U krijgt een nieuw token met dezelfde naam en toestemmingen. Het oude token werkt nog 24 uur, zodat uw systeem kan overstappen.</Paragraph>
            <Form action={`/opleider/api-tokens/${token.id}/vervangen`} label="Token vervangen">
              <input type="hidden" name="tokenId" value={token.id} />
              <Button secondary>Token vervangen</Button>
            </Form>
            <Heading level={2}>Token intrekken</Heading>
            <Paragraph>Trek het token in als u het niet meer gebruikt of als iemand anders het kan kennen. Het werkt dan direct niet meer.</Paragraph>
            <ButtonLink href={`/opleider/api-tokens/${token.id}/intrekken`} secondary>
              Token intrekken
            </ButtonLink>
          </>
        ) : null}
      </Layout>,
    );
  }

  @Post(':tokenId/vervangen')
  async rotate(@Req() request: GatewayRequest, @Res() response: Response, @Param('tokenId') tokenId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    await this.ownToken(principal, tokenId);
    if (!namesTarget(body, 'tokenId', tokenId)) return this.redirectToToken(response, tokenId);
    const created = await this.rotateToken.execute(principal, tokenId, {});
    this.sendCreated(request, response, created, 'Uw vervangende API-token');
  }

  /** Revoking cannot be undone: a page that asks first. */
  @Get(':tokenId/intrekken')
  async confirmRevoke(@Req() request: GatewayRequest, @Res() response: Response, @Param('tokenId') tokenId: string): Promise<void> {
    const principal = principalOf(request, 'provider');
    const token = await this.ownToken(principal, tokenId);
    sendPage(
      request,
      response,
      <Layout title={`Weet u zeker dat u ‘${token.name}’ wilt intrekken?`} caption="API-token" before={<BackLink href={`/opleider/api-tokens/${token.id}`}>Terug naar het token</BackLink>}>
        <Paragraph>Systemen die dit token gebruiken, krijgen direct geen toegang meer. Dit kunt u niet ongedaan maken.</Paragraph>
        <Form action={`/opleider/api-tokens/${token.id}/intrekken`}>
          <input type="hidden" name="tokenId" value={token.id} />
          <Button>Ja, token intrekken</Button>
        </Form>
      </Layout>,
    );
  }

  @Post(':tokenId/intrekken')
  async revoke(@Req() request: GatewayRequest, @Res() response: Response, @Param('tokenId') tokenId: string, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'provider');
    await this.ownToken(principal, tokenId);
    if (!namesTarget(body, 'tokenId', tokenId)) return this.redirectToToken(response, tokenId);
    await this.revokeToken.execute(principal, tokenId);
    redirectAfterPost(response, '/opleider/api-tokens', 'ingetrokken');
  }

  /** A post that does not name the token it acts on (not sent by the page's own form): back to the token, nothing done. */
  private redirectToToken(response: Response, tokenId: string): void {
    redirectAfterPost(response, `/opleider/api-tokens/${tokenId}`);
  }

  /** A token of the provider's own (the application service answers "not found" for anyone else's). */
  private async ownToken(principal: Principal, tokenId: string): Promise<ApiTokenView> {
    if (!isUuid(tokenId)) throw new NotFoundException();
    return this.listTokens.one(principal, tokenId);
  }

  private sendNewForm(request: GatewayRequest, response: Response, values: FormValues, permissions: string[], errors: FieldError[], status = 200): void {
    sendPage(
      request,
      response,
      <Layout title="Nieuw API-token" errors={errors} caption="API-tokens" before={<BackLink href="/opleider/api-tokens">Terug naar de API-tokens</BackLink>}>
        <Form action="/opleider/api-tokens/nieuw">
          <TextField name="name" label="Naam" description="Waarvoor het token is, bijvoorbeeld ‘Koppeling studentvolgsysteem’." value={values.name} errors={errors} />
          <ChoiceGroup
            name="permissions"
            label="Wat mag uw systeem met dit token?"
            description="Kies alleen wat het systeem nodig heeft."
            multiple
            value={permissions}
            choices={API_TOKEN_PERMISSIONS.map((permission) => ({ value: permission, label: labelOf(API_TOKEN_PERMISSION_LABELS, permission) }))}
            errors={errors}
          />
          <TextField name="expiresInDays" label="Geldig voor hoeveel dagen?" description={`Hoogstens ${API_TOKEN_DAYS.max} dagen.`} value={values.expiresInDays} inputMode="numeric" width="short" errors={errors} />
          <Button>API-token maken</Button>
        </Form>
      </Layout>,
      status,
    );
  }

  private sendCreated(request: GatewayRequest, response: Response, created: CreatedApiToken, title: string): void {
    // The secret is in this page only: nothing may keep it (no cache, no history copy).
    response.setHeader('Cache-Control', 'no-store');
    sendPage(
      request,
      response,
      <Layout title={title} caption={created.name}>
        <Alert type="warning">Kopieer het token nu en bewaar het veilig. U ziet het hierna nooit meer; het platform bewaart het niet.</Alert>
        <TextField name="token" label="API-token" value={created.token} />
        <SummaryList
          rows={[
            ['Naam', created.name],
            ['Toestemmingen', created.permissions.map((permission) => labelOf(API_TOKEN_PERMISSION_LABELS, permission)).join(', ')],
            ['Verloopt', formatDateTime(created.expiresAt)],
          ]}
        />
        <Paragraph>
          <Link href="/opleider/api-tokens">Naar uw API-tokens</Link>
        </Paragraph>
      </Layout>,
      201,
    );
  }
}
