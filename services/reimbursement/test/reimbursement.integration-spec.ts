import { describePlatformConformance } from '@napl/testing';
import { ReimbursementConfig } from '../src/reimbursement.config';
import { REIMBURSEMENT_SERVICE } from '../src/reimbursement.description';
import { ReimbursementModule } from '../src/reimbursement.module';

describePlatformConformance({
  description: REIMBURSEMENT_SERVICE,
  configClass: ReimbursementConfig,
  module: (config, auth) => ReimbursementModule.forRoot(config, auth),
});
