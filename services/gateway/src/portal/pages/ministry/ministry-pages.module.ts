import { Module } from '@nestjs/common';
import { AuditModule } from '../../../audit/audit.module';
import { PortalCoreModule } from '../../portal-core.module';
import { MinistryAuditLogController } from './audit-log.controller';
import { MinistryDashboardController } from './dashboard.controller';
import { MinistryRegionsController } from './regions.controller';
import { MinistryReviewsController } from './reviews.controller';
import { MinistryRulesController } from './rules.controller';

/** The ministry's pages: the monitoring dashboard with charts and exports, reimbursement rules, regions, the review queue, the audit log. */
@Module({
  // AuditModule: the audit log page reads it with the gateway's own QueryAuditLog (not a service's API).
  imports: [PortalCoreModule, AuditModule],
  controllers: [MinistryDashboardController, MinistryReviewsController, MinistryRulesController, MinistryRegionsController, MinistryAuditLogController],
})
export class MinistryPagesModule {}
