import { describePlatformConformance } from '@napl/testing';
import { QualityConfig } from '../src/quality.config';
import { QUALITY_SERVICE } from '../src/quality.description';
import { QualityModule } from '../src/quality.module';

describePlatformConformance({
  description: QUALITY_SERVICE,
  configClass: QualityConfig,
  module: (config, auth) => QualityModule.forRoot(config, auth),
});
