import { Module } from '@nestjs/common';
import { RecordCompletionWhenPathCompleted } from './application/record-completion-when-path-completed.handler';
import { RecordPathWhenVersionPublished } from './application/record-path-when-version-published.handler';
import { RecordStepWhenStepCompleted } from './application/record-step-when-step-completed.handler';
import { RecordTeacherPathWhenPathStarted } from './application/record-teacher-path-when-path-started.handler';
import { ReopenStepWhenRecognitionWithdrawn } from './application/reopen-step-when-recognition-withdrawn.handler';
import { UndoCompletionWhenPathCompletionWithdrawn } from './application/undo-completion-when-path-completion-withdrawn.handler';

/** Teachers' paths: started, steps and paths completed, from paths' events. */
@Module({
  controllers: [
    RecordPathWhenVersionPublished,
    RecordTeacherPathWhenPathStarted,
    RecordStepWhenStepCompleted,
    ReopenStepWhenRecognitionWithdrawn,
    RecordCompletionWhenPathCompleted,
    UndoCompletionWhenPathCompletionWithdrawn,
  ],
})
export class PathProgressModule {}
