import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';

/** An assessor's pages (cases, scores per criterion, decision, four-eyes confirmation) and the ministry's management of the quality framework and the paths. */
@Module({
  imports: [PortalCoreModule],
  controllers: [],
})
export class AssessorPagesModule {}
