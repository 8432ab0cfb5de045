import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { QualityConfig } from './quality.config';
import { QUALITY_SERVICE } from './quality.description';

@Module({})
export class QualityModule {
  static forRoot(config: QualityConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: QualityModule,
      imports: [
        PlatformModule.forService({
          service: QUALITY_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
      ],
    };
  }
}
