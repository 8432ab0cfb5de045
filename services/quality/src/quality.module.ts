import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { AssessmentsModule } from './assessments/assessments.module';
import { ENTITIES, MIGRATIONS } from './database/schema';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { FrameworkModule } from './framework/framework.module';
import { HistoryModule } from './history/history.module';
import { MarksModule } from './marks/marks.module';
import { QualityConfig } from './quality.config';
import { QUALITY_SERVICE } from './quality.description';

@Module({})
export class QualityModule {
  static forRoot(config: QualityConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: QualityModule,
      // The config is global so every feature module can read its own settings.
      global: true,
      imports: [
        PlatformModule.forService({
          service: QUALITY_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
        ScheduleModule.forRoot(),
        FrameworkModule,
        AssessmentsModule,
        MarksModule,
        EvaluationsModule,
        HistoryModule,
      ],
      providers: [{ provide: QualityConfig, useValue: config }],
      exports: [QualityConfig],
    };
  }
}
