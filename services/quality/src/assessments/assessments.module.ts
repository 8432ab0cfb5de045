import { Module } from '@nestjs/common';
import { FrameworkModule } from '../framework/framework.module';
import { MarksModule } from '../marks/marks.module';
import { AssessmentsService } from './application/assessments.service';
import { AssessorLinksService } from './application/assessor-links.service';
import { OpenAssessmentWhenSubmitted } from './application/open-assessment-when-submitted.handler';
import { AssessmentsController } from './http/assessments.controller';
import { AssessorLinksController } from './http/assessor-links.controller';

/** Assessment cases of submitted offers, conflict-of-interest links and decisions. */
@Module({
  imports: [FrameworkModule, MarksModule],
  providers: [AssessmentsService, AssessorLinksService],
  controllers: [AssessmentsController, AssessorLinksController, OpenAssessmentWhenSubmitted],
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
