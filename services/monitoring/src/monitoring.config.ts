import { ServiceConfig } from '@napl/service-kit';

export class MonitoringConfig extends ServiceConfig {
  override PORT = 3106;
}
