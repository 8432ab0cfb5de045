import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_SERVICE } from './gateway.description';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService({
          service: GATEWAY_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
      ],
    };
  }
}
