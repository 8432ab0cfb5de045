import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';

/** The ministry's pages: the monitoring dashboard with charts and exports, reimbursement rules, regions, the review queue, the audit log. */
@Module({
  imports: [PortalCoreModule],
  controllers: [],
})
export class MinistryPagesModule {}
