import { Module } from '@nestjs/common';
import { PortalCoreModule } from '../../portal-core.module';
import { AssessmentsPagesController } from './assessments-pages.controller';
import { FrameworkPagesController } from './framework-pages.controller';
import { PathsPagesController } from './paths-pages.controller';

/** An assessor's pages (cases, scores per criterion, decision, four-eyes confirmation) and the ministry's management of the quality framework and the paths. */
@Module({
  imports: [PortalCoreModule],
  controllers: [AssessmentsPagesController, FrameworkPagesController, PathsPagesController],
})
export class AssessorPagesModule {}
