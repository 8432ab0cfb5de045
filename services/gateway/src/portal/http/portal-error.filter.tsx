import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorKind } from '@napl/domain';
import type { GatewayRequest } from '../../callers/http/gateway-access.guard';
import { UpstreamFailure } from '../../routing/infrastructure/upstream-client';
import { PortalApiError } from '../application/portal-api';
import { ButtonLink, Paragraph } from '../ui/components';
import { Layout } from '../ui/layout';
import { RoleRequired, SignInRequired, sendPage } from './portal-page';

const PAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'De gegevens kloppen niet', text: 'De pagina kon met deze gegevens niet worden getoond. Ga terug en probeer het opnieuw.' },
  403: { title: 'Geen toegang', text: 'U heeft geen toegang tot deze pagina met de rol waarmee u bent aangemeld.' },
  404: { title: 'Pagina niet gevonden', text: 'Controleer of het adres klopt. Deze pagina bestaat niet (meer), of is niet voor u zichtbaar.' },
  422: { title: 'Dit kon niet', text: 'Dit kon met de huidige gegevens niet worden verwerkt.' },
  409: { title: 'Dit kon niet', text: 'De gegevens zijn intussen veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.' },
  429: { title: 'Te veel verzoeken', text: 'U heeft in korte tijd te veel verzoeken gedaan. Wacht een minuut en probeer het opnieuw.' },
  503: { title: 'Tijdelijk niet beschikbaar', text: 'Een deel van de dienst is op dit moment niet bereikbaar. Probeer het over een paar minuten opnieuw.' },
  500: { title: 'Er ging iets mis', text: 'Er is aan onze kant iets misgegaan. Probeer het later opnieuw.' },
};

/**
 * Errors on a portal page as a Dutch HTML page with the right status (never JSON, never a stack trace): not signed
 * in → to the sign-in and back; another role → 403; what a service refused → its status and text; a service down →
 * 503.
 */
@Catch()
export class PortalErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('portal');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<GatewayRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof SignInRequired || (error instanceof HttpException && error.getStatus() === 401)) {
      const returnTo = request.method === 'GET' ? request.originalUrl : '/';
      response.redirect(303, `/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      return;
    }
    const status = statusOf(error);
    if (status >= 500 && !(error instanceof UpstreamFailure)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const page = PAGES[status] ?? (status >= 500 ? PAGES[500] : PAGES[400]);
    const detail = error instanceof PortalApiError && status < 500 && status !== 404 ? error.problem.detail : undefined;
    if (status === 429 || status === 503) response.setHeader('Retry-After', '60');
    sendPage(
      request,
      response,
      <Layout title={page.title}>
        <Paragraph>{page.text}</Paragraph>
        {detail ? <Paragraph>{detail}</Paragraph> : null}
        <ButtonLink href="/">Naar de startpagina</ButtonLink>
      </Layout>,
      status,
    );
  }
}

const STATUS_BY_KIND: Record<ErrorKind, number> = { invalid: 400, forbidden: 403, 'not-found': 404, conflict: 409, unprocessable: 422 };

function statusOf(error: unknown): number {
  if (error instanceof RoleRequired) return 403;
  if (error instanceof PortalApiError) return error.status === 401 ? 403 : error.status;
  if (error instanceof UpstreamFailure) return error.reason === 'unavailable' ? 503 : 502;
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof DomainError) return STATUS_BY_KIND[error.kind];
  return 500;
}
