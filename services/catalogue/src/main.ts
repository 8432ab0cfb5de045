import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { CatalogueConfig } from './catalogue.config';
import { CATALOGUE_SERVICE } from './catalogue.description';
import { CatalogueModule } from './catalogue.module';

void runService(CatalogueConfig, (config) => CatalogueModule.forRoot(config), CATALOGUE_SERVICE);
