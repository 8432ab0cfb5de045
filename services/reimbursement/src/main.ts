import 'reflect-metadata';
import { runService } from '@napl/service-kit';
import { ReimbursementConfig } from './reimbursement.config';
import { REIMBURSEMENT_SERVICE } from './reimbursement.description';
import { ReimbursementModule } from './reimbursement.module';

void runService(ReimbursementConfig, (config) => ReimbursementModule.forRoot(config), REIMBURSEMENT_SERVICE);
