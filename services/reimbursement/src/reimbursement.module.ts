import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { ReimbursementConfig } from './reimbursement.config';
import { REIMBURSEMENT_SERVICE } from './reimbursement.description';

@Module({})
export class ReimbursementModule {
  static forRoot(config: ReimbursementConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: ReimbursementModule,
      imports: [
        PlatformModule.forService({
          service: REIMBURSEMENT_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
      ],
    };
  }
}
