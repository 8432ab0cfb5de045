import { Module } from '@nestjs/common';
import { RunService } from './application/run.service';
import { RunsController } from './http/runs.controller';

/** Runs (uitvoeringen) of published offers. */
@Module({ providers: [RunService], controllers: [RunsController] })
export class RunsModule {}
