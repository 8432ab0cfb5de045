import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { EnrolmentsConfig } from './enrolments.config';
import { ENROLMENTS_SERVICE } from './enrolments.description';
import { EnrolmentsModule } from './enrolments.module';

const config = loadConfig(EnrolmentsConfig);
void runService(EnrolmentsModule.forRoot(config), config, ENROLMENTS_SERVICE);
