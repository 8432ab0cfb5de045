import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { QualityConfig } from './quality.config';
import { QUALITY_SERVICE } from './quality.description';
import { QualityModule } from './quality.module';

void runService(QualityConfig, (config) => QualityModule.forRoot(config), QUALITY_SERVICE);
