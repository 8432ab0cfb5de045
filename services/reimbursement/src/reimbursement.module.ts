import { Module, type DynamicModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ClaimsModule } from './claims/claims.module';
import { ENTITIES, MIGRATIONS } from './database/schema';
import { EligibilityModule } from './eligibility/eligibility.module';
import type { ReimbursementConfig } from './reimbursement.config';
import { REIMBURSEMENT_SERVICE } from './reimbursement.description';
import { RegionsModule } from './regions/regions.module';
import { RulesModule } from './rules/rules.module';
import { StatementsModule } from './statements/statements.module';

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
        RegionsModule,
        RulesModule,
        EligibilityModule,
        ClaimsModule,
        StatementsModule,
      ],
    };
  }
}
