import { Controller, Get, Header, NotFoundException, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@napl/auth';
import { AssembleApiDocument } from '../application/assemble-api-document';
import type { OpenApiDocument } from '../domain/merge-openapi';

export const API_DOCS_PUBLIC = Symbol('API_DOCS_PUBLIC');

// Under /docs, so the platform's HTTP conventions give it the documentation's security headers (Swagger UI's own
// script and style from the same origin), and Swagger UI's files, which /docs serves, are at hand.
const VIEWER_HTML = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>NAPL: de publieke API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="viewer"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/api/viewer.js"></script>
</body>
</html>
`;
const VIEWER_JS = `window.ui = SwaggerUIBundle({ url: '/docs/api/openapi.json', dom_id: '#viewer', deepLinking: true });\n`;

/**
 * The whole public API in one document (the gateway's routes and every service's under /api/<service>) and a viewer
 * for it. Served where the services serve theirs: with API_DOCS=public (development, test; production may choose).
 */
@ApiExcludeController()
@Public()
@Controller('docs/api')
export class ApiDocsController {
  constructor(
    private readonly assemble: AssembleApiDocument,
    @Inject(API_DOCS_PUBLIC) private readonly docsPublic: boolean,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  viewer(): string {
    this.checkServed();
    return VIEWER_HTML;
  }

  @Get('viewer.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  viewerScript(): string {
    this.checkServed();
    return VIEWER_JS;
  }

  @Get('openapi.json')
  document(): Promise<OpenApiDocument> {
    this.checkServed();
    return this.assemble.execute();
  }

  private checkServed(): void {
    if (!this.docsPublic) throw new NotFoundException('Deze route bestaat niet.');
  }
}
