import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import { EnrolmentFiguresModule } from './enrolments/enrolments.module';
import { MoneyModule } from './money/money.module';
import type { MonitoringConfig } from './monitoring.config';
import { MONITORING_SERVICE } from './monitoring.description';
import { ParticipationModule } from './participation/participation.module';
import { PathProgressModule } from './path-progress/path-progress.module';
import { QualityFiguresModule } from './quality/quality.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { ReportingModule } from './reporting/reporting.module';

@Module({})
export class MonitoringModule {
  static forRoot(config: MonitoringConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [
        PlatformModule.forService({
          service: MONITORING_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
        ParticipationModule,
        EnrolmentFiguresModule,
        PathProgressModule,
        QualityFiguresModule,
        MoneyModule,
        ReportingModule,
        RebuildModule.forRoot(config),
      ],
    };
  }
}
