import { ServiceConfig } from '@napl/service-kit';

export class CatalogueConfig extends ServiceConfig {
  override PORT = 3101;
}
