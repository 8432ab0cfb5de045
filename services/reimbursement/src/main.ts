import 'reflect-metadata';
import { loadConfig, runService } from '@napl/service-kit';
import { ReimbursementConfig } from './reimbursement.config';
import { REIMBURSEMENT_SERVICE } from './reimbursement.description';
import { ReimbursementModule } from './reimbursement.module';

const config = loadConfig(ReimbursementConfig);
void runService(ReimbursementModule.forRoot(config), config, REIMBURSEMENT_SERVICE);
