import { describePlatformConformance } from '@napl/testing';
import { GatewayConfig } from '../src/gateway.config';
import { GATEWAY_SERVICE } from '../src/gateway.description';
import { GatewayModule } from '../src/gateway.module';

describePlatformConformance({
  description: GATEWAY_SERVICE,
  configClass: GatewayConfig,
  module: (config, auth) => GatewayModule.forRoot(config, auth),
});
