import { describePlatformConformance } from '@napl/testing';
import { CatalogueConfig } from '../src/catalogue.config';
import { CATALOGUE_SERVICE } from '../src/catalogue.description';
import { CatalogueModule } from '../src/catalogue.module';

describePlatformConformance({
  description: CATALOGUE_SERVICE,
  configClass: CatalogueConfig,
  module: (config, auth) => CatalogueModule.forRoot(config, auth),
});
