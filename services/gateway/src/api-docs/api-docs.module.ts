import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
import { AssembleApiDocument, GATEWAY_OWN_DOCUMENT, type OwnDocumentSource } from './application/assemble-api-document';
import type { OpenApiDocument } from './domain/merge-openapi';
import { API_DOCS_PUBLIC, ApiDocsController } from './http/api-docs.controller';

/**
 * The merged document of the public API. The gateway's own part is the document it serves at /docs/openapi.json,
 * read over loopback: the Nest app that builds it is not something a provider can be given.
 */
@Module({})
export class ApiDocsModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const own: OwnDocumentSource = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${config.PORT}/docs/openapi.json`, { signal: AbortSignal.timeout(2_000) });
        return response.ok ? ((await response.json()) as OpenApiDocument) : {};
      } catch {
        return {};
      }
    };
    return {
      module: ApiDocsModule,
      providers: [AssembleApiDocument, { provide: GATEWAY_OWN_DOCUMENT, useValue: own }, { provide: API_DOCS_PUBLIC, useValue: config.API_DOCS === 'public' }],
      controllers: [ApiDocsController],
    };
  }
}
