import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';
import { BudgetPagesController } from './budget-pages.controller';
import { ClaimPagesController } from './claim-pages.controller';
import { EnrolmentPagesController } from './enrolment-pages.controller';
import { StatementPagesController } from './statement-pages.controller';

/** An education region's pages: budget, eligible enrolments with reason codes, claims, statements. */
@Module({
  imports: [PortalCoreModule],
  controllers: [BudgetPagesController, EnrolmentPagesController, ClaimPagesController, StatementPagesController],
})
export class RegionPagesModule {}
