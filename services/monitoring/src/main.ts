import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { MonitoringConfig } from './monitoring.config';
import { MONITORING_SERVICE } from './monitoring.description';
import { MonitoringModule } from './monitoring.module';

void runService(MonitoringConfig, (config) => MonitoringModule.forRoot(config), MONITORING_SERVICE);
