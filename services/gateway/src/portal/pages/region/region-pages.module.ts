import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';

/** An education region's pages: budget, eligible enrolments with reason codes, claims, statements. */
@Module({
  imports: [PortalCoreModule],
  controllers: [],
})
export class RegionPagesModule {}
