import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { CatalogueConfig } from './catalogue.config';
import { CATALOGUE_SERVICE } from './catalogue.description';
import { CatalogueModule } from './catalogue.module';

const config = loadConfig(CatalogueConfig);
void runService(CatalogueModule.forRoot(config), config, CATALOGUE_SERVICE);
