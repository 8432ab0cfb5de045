import { Inject, Injectable } from '@nestjs/common';
import { mergeOpenApi, type OpenApiDocument } from '../domain/merge-openapi';
import { ROUTED_SERVICES } from '../../routing/domain/service-routes';
import { SERVICE_DIRECTORY, type ServiceDirectory } from '../../routing/application/service-directory';

/** The gateway's own document, built from its controllers once the app is up (a provider set by the module). */
export const GATEWAY_OWN_DOCUMENT = Symbol('GATEWAY_OWN_DOCUMENT');
export type OwnDocumentSource = () => Promise<OpenApiDocument>;

const FRESH_MS = 60_000;

/**
 * The one OpenAPI document of the public API: the gateway's own routes, and every service's document (from its
 * /docs/openapi.json) under /api/<service>. Kept a minute, so a deployment's new routes show soon and the viewer
 * does not ask every service on every page load. A service that does not answer is named in the document's info.
 */
@Injectable()
export class AssembleApiDocument {
  private cached?: { document: OpenApiDocument; until: number };

  constructor(
    @Inject(SERVICE_DIRECTORY) private readonly directory: ServiceDirectory,
    @Inject(GATEWAY_OWN_DOCUMENT) private readonly own: OwnDocumentSource
  ) {}

  async execute(): Promise<OpenApiDocument> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.document;
    const services = await Promise.all(
      ROUTED_SERVICES.map(async (service) => ({ service, document: await this.fetchDocument(`${this.directory.urls[service]}/docs/openapi.json`) })),
    );
    const document = mergeOpenApi(await this.own(), services, {
      title: 'NAPL: de publieke API',
      version: '1',
      description:
        'Eén API voor het hele platform, achter de gateway. Routes van een dienst staan onder /api/<dienst>/. ' +
        'Aanmelden: een sessie (browser, via /auth/login), een toegangstoken van de uitgever (Bearer), of een API-token van een opleider (Bearer napl_pat_…). ' +
        'Afspraken over de stijl van de API: docs/api-conventions.md.',
    });
    this.cached = { document, until: Date.now() + FRESH_MS };
    return document;
  }

  private async fetchDocument(url: string): Promise<OpenApiDocument | undefined> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.min(this.directory.timeoutMs, 5_000)) });
      return response.ok ? ((await response.json()) as OpenApiDocument) : undefined;
    } catch {
      return undefined;
    }
  }
}
