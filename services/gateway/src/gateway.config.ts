import { ServiceConfig } from '@napl/service-kit';

export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;
}
