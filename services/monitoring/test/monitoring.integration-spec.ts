import { describePlatformConformance } from '@napl/testing';
import { MonitoringConfig } from '../src/monitoring.config';
import { MONITORING_SERVICE } from '../src/monitoring.description';
import { MonitoringModule } from '../src/monitoring.module';

describePlatformConformance({
  description: MONITORING_SERVICE,
  configClass: MonitoringConfig,
  module: (config, auth) => MonitoringModule.forRoot(config, auth),
});
