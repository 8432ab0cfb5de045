import { Module } from '@nestjs/common';
import { CreditCompletionWhenEnrolmentCompleted } from './application/credit-completion-when-enrolment-completed.handler';
import { EraseTextsWhenTeacherErased } from './application/erase-texts-when-teacher-erased.handler';
import { SuggestionsQuery } from './application/suggestions.query';
import { TeacherPathsService } from './application/teacher-paths.service';
import { TeamViewService } from './application/team-view.service';
import { TeacherPathsController } from './http/teacher-paths.controller';
import { TeamViewController } from './http/team-view.controller';

/** Teachers on paths: start, progress from completions, recognition, version moves, suggestions and the team view. */
@Module({
  controllers: [TeacherPathsController, TeamViewController, CreditCompletionWhenEnrolmentCompleted, EraseTextsWhenTeacherErased],
  providers: [TeacherPathsService, SuggestionsQuery, TeamViewService],
})
export class TeacherPathsModule {}
