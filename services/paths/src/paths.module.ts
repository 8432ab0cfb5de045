import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { PathsConfig } from './paths.config';
import { PATHS_SERVICE } from './paths.description';
import { CatalogueCopyModule } from './catalogue-copy/catalogue-copy.module';
import { CredentialsModule } from './credentials/credentials.module';
import { PathDefinitionsModule } from './paths/paths.module';
import { TeacherPathsModule } from './teacher-paths/teacher-paths.module';

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
        PathDefinitionsModule,
        TeacherPathsModule,
        CatalogueCopyModule,
        CredentialsModule.forRoot(config),
      ],
    };
  }
}
