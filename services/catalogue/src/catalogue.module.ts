import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ChangesModule } from './changes/changes.module';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { CatalogueConfig } from './catalogue.config';
import { CATALOGUE_SERVICE } from './catalogue.description';
import { OffersModule } from './offers/offers.module';
import { ProvidersModule } from './providers/providers.module';
import { RunsModule } from './runs/runs.module';
import { SearchModule } from './search/search.module';

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
        // The change feed's route (providers/me/changes) must be registered before providers/:providerId.
        ChangesModule,
        ProvidersModule,
        OffersModule,
        RunsModule,
        SearchModule,
      ],
    };
  }
}
