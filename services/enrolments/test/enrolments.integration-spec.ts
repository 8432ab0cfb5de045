import { describePlatformConformance } from '@napl/testing';
import { EnrolmentsConfig } from '../src/enrolments.config';
import { ENROLMENTS_SERVICE } from '../src/enrolments.description';
import { EnrolmentsModule } from '../src/enrolments.module';

describePlatformConformance({
  description: ENROLMENTS_SERVICE,
  configClass: EnrolmentsConfig,
  module: (config, auth) => EnrolmentsModule.forRoot(config, auth),
});
