import { ServiceConfig } from '@napl/service-kit';

export class PathsConfig extends ServiceConfig {
  override PORT = 3103;
}
