import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { PathsConfig } from './paths.config';
import { PATHS_SERVICE } from './paths.description';
import { PathsModule } from './paths.module';

void runService(PathsConfig, (config) => PathsModule.forRoot(config), PATHS_SERVICE);
