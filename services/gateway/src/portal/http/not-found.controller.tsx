import { All, Controller, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '@napl/auth';
import { isPortalPath } from '../portal-paths';
import { ButtonLink, Paragraph } from '../ui/components';
import { Layout, renderDocument } from '../ui/layout';

/**
 * What no route answers: a Dutch "page not found" for a browser on the portal's paths; the API's JSON problem (404)
 * elsewhere. Registered after every other module, so it only sees what they all passed by.
 */
@ApiExcludeController()
@Public()
@Controller()
export class NotFoundController {
  @All('{*path}')
  notFound(@Req() request: Request, @Res() response: Response): void {
    if (!isPortalPath(request.path) || request.method !== 'GET') {
      throw new NotFoundException({ message: `Er is geen ${request.method} ${request.path}.`, code: 'NOT_FOUND' });
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
