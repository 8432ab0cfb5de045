import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { EnrolmentsConfig } from './enrolments.config';
import { ENROLMENTS_SERVICE } from './enrolments.description';
import { EnrolmentsModule } from './enrolments.module';

void runService(EnrolmentsConfig, (config) => EnrolmentsModule.forRoot(config), ENROLMENTS_SERVICE);
