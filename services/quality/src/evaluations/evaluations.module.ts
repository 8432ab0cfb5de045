import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { EraseCommentsWhenTeacherErased } from './application/erase-comments-when-teacher-erased.handler';
import { EvaluationsService } from './application/evaluations.service';
import { InviteEvaluationWhenCompleted } from './application/invite-evaluation-when-completed.handler';
import { EvaluationsController } from './http/evaluations.controller';

/** Participants' evaluations, their aggregates and the re-assessment signal. */
@Module({
  imports: [AssessmentsModule],
  providers: [EvaluationsService],
  controllers: [EvaluationsController, InviteEvaluationWhenCompleted, EraseCommentsWhenTeacherErased],
})
export class EvaluationsModule {}
