import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { EnrolmentsConfig } from './enrolments.config';
import { ENROLMENTS_SERVICE } from './enrolments.description';
import { EnrolmentsFeatureModule } from './enrolments/enrolments.module';
import { OffersModule } from './offers/offers.module';
import { RunsModule } from './runs/runs.module';
import { SchoolsController } from './schools/http/schools.controller';
import { TeachersModule } from './teachers/teachers.module';

@Module({})
export class EnrolmentsModule {
  static forRoot(config: EnrolmentsConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: EnrolmentsModule,
      imports: [
        PlatformModule.forService({
          service: ENROLMENTS_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
        RunsModule,
        OffersModule,
        TeachersModule,
        EnrolmentsFeatureModule.forRoot(config.PARTICIPATION_SCHEDULER_INTERVAL_MS),
      ],
      controllers: [SchoolsController],
    };
  }
}
