import { Module, type DynamicModule } from '@nestjs/common';
import { CancelEnrolmentsWhenRunCancelled } from './application/cancel-enrolments-when-run-cancelled.handler';
import { EnrolmentsQueries } from './application/enrolments.queries';
import { EnrolmentsService } from './application/enrolments.service';
import { PARTICIPATION_INTERVAL_MS, ParticipationScheduler } from './application/participation-scheduler';
import { EnrolmentsController } from './http/enrolments.controller';

/** Enrolments in runs: places and waiting lists, team enrolment, cancellation, attendance, results, participation. */
@Module({})
export class EnrolmentsFeatureModule {
  static forRoot(participationIntervalMs: number): DynamicModule {
    return {
      module: EnrolmentsFeatureModule,
      providers: [
        EnrolmentsService,
        EnrolmentsQueries,
        ParticipationScheduler,
        { provide: PARTICIPATION_INTERVAL_MS, useValue: participationIntervalMs },
      ],
      controllers: [EnrolmentsController, CancelEnrolmentsWhenRunCancelled],
      exports: [EnrolmentsService],
    };
  }
}
