import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { PathsConfig } from './paths.config';
import { PATHS_SERVICE } from './paths.description';

@Module({})
export class PathsModule {
  static forRoot(config: PathsConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: PathsModule,
      imports: [
        PlatformModule.forService({
          service: PATHS_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
      ],
    };
  }
}
