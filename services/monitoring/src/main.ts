import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { MonitoringConfig } from './monitoring.config';
import { MONITORING_SERVICE } from './monitoring.description';
import { MonitoringModule } from './monitoring.module';

const config = loadConfig(MonitoringConfig);
void runService(MonitoringModule.forRoot(config), config, MONITORING_SERVICE);
