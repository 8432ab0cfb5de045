import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { QualityConfig } from './quality.config';
import { QUALITY_SERVICE } from './quality.description';
import { QualityModule } from './quality.module';

const config = loadConfig(QualityConfig);
void runService(QualityModule.forRoot(config), config, QUALITY_SERVICE);
