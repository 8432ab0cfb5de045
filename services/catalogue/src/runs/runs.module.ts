import { Module } from '@nestjs/common';
import { FreePlaceWhenEnrolmentCancelled } from './application/free-place-when-enrolment-cancelled.handler';
import { RunService } from './application/run.service';
import { TakePlaceWhenEnrolmentConfirmed } from './application/take-place-when-enrolment-confirmed.handler';
import { TakePlaceWhenEnrolmentPromoted } from './application/take-place-when-enrolment-promoted.handler';
import { RunsController } from './http/runs.controller';

/** Runs (uitvoeringen) of published offers, with the places taken as the enrolments service announces them. */
@Module({
  providers: [RunService],
  controllers: [RunsController, TakePlaceWhenEnrolmentConfirmed, TakePlaceWhenEnrolmentPromoted, FreePlaceWhenEnrolmentCancelled],
})
export class RunsModule {}
