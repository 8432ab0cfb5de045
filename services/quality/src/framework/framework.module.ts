import { Module } from '@nestjs/common';
import { FrameworkService } from './application/framework.service';
import { FrameworkController } from './http/framework.controller';

/** The quality framework (kwaliteitskader) as versioned data. */
@Module({ providers: [FrameworkService], controllers: [FrameworkController], exports: [FrameworkService] })
export class FrameworkModule {}
