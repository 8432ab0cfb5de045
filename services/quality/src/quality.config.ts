import { ServiceConfig } from '@napl/service-kit';

export class QualityConfig extends ServiceConfig {
  override PORT = 3102;
}
