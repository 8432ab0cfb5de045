import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { EvaluationsService } from './application/evaluations.service';
import { InviteEvaluationWhenCompleted } from './application/invite-evaluation-when-completed.handler';
import { EvaluationsController } from './http/evaluations.controller';

/** Participants' evaluations, their aggregates and the re-assessment signal. */
@Module({
  imports: [AssessmentsModule],
  providers: [EvaluationsService],
  controllers: [EvaluationsController, InviteEvaluationWhenCompleted],
})
export class EvaluationsModule {}
