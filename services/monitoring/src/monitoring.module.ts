import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { MonitoringConfig } from './monitoring.config';
import { MONITORING_SERVICE } from './monitoring.description';

@Module({})
export class MonitoringModule {
  static forRoot(config: MonitoringConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [
        PlatformModule.forService({
          service: MONITORING_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
      ],
    };
  }
}
