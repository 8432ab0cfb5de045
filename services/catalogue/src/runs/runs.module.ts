import { Module } from '@nestjs/common';
import { FreePlaceWhenEnrolmentCancelled, TakePlaceWhenEnrolmentConfirmed, TakePlaceWhenEnrolmentPromoted } from './application/enrolment-places.handlers';
import { RunService } from './application/run.service';
import { RunsController } from './http/runs.controller';

/** Runs (uitvoeringen) of published offers, with the places taken as the enrolments service announces them. */
@Module({
  providers: [RunService, TakePlaceWhenEnrolmentConfirmed, TakePlaceWhenEnrolmentPromoted, FreePlaceWhenEnrolmentCancelled],
  controllers: [RunsController],
})
export class RunsModule {}
