import { Module } from '@nestjs/common';
import { PathDefinitionsService } from './application/path-definitions.service';
import { PathsController } from './http/paths.controller';

/** Development paths as versioned data, managed by the ministry. */
@Module({ controllers: [PathsController], providers: [PathDefinitionsService], exports: [PathDefinitionsService] })
export class PathDefinitionsModule {}
