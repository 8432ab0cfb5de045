import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { PathsConfig } from './paths.config';
import { PATHS_SERVICE } from './paths.description';
import { PathsModule } from './paths.module';

const config = loadConfig(PathsConfig);
void runService(PathsModule.forRoot(config), config, PATHS_SERVICE);
