import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { CatalogueConfig } from './catalogue.config';
import { CATALOGUE_SERVICE } from './catalogue.description';

@Module({})
export class CatalogueModule {
  static forRoot(config: CatalogueConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: CatalogueModule,
      imports: [
        PlatformModule.forService({
          service: CATALOGUE_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
      ],
    };
  }
}
