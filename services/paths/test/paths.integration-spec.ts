import { describePlatformConformance } from '@napl/testing';
import { PathsConfig } from '../src/paths.config';
import { PATHS_SERVICE } from '../src/paths.description';
import { PathsModule } from '../src/paths.module';

describePlatformConformance({
  description: PATHS_SERVICE,
  configClass: PathsConfig,
  module: (config, auth) => PathsModule.forRoot(config, auth),
});
