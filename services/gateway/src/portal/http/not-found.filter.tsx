import { ArgumentsHost, Catch, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '@napl/service-kit';
import { isPortalPath } from '../portal-paths';
import { ButtonLink, Paragraph } from '../ui/components';
import { Layout, renderDocument } from '../ui/layout';

/**
 * What no route answers: a Dutch "page not found" for a browser asking for a portal path (its Accept names
 * text/html, as a browser's navigation does), the platform's JSON problem (404) for everything else. A global filter, not a catch-all route: Nest's own "no such route" comes after
 * every route of every module, whatever order the modules were registered in. A portal page's own 404 (an unknown
 * offer) is answered by its controller's PortalErrorFilter first.
 */
@Catch(NotFoundException)
export class PortalNotFoundFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: NotFoundException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (host.getType() !== 'http' || request.method !== 'GET' || !isPortalPath(request.path) || !asksForHtml(request) || response.headersSent) {
      this.problems.catch(error, host);
      return;
    }
    const page = (
      <Layout title="Pagina niet gevonden">
        <Paragraph>Controleer of het adres klopt. Deze pagina bestaat niet (meer).</Paragraph>
        <ButtonLink href="/">Naar de startpagina</ButtonLink>
      </Layout>
    );
    response.status(404).type('html').send(renderDocument(page, { path: request.path }));
  }
}

function asksForHtml(request: Request): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
