import { Module } from '@nestjs/common';
import { RecordCancellationWhenEnrolmentCancelled } from './application/record-cancellation-when-enrolment-cancelled.handler';
import { RecordCompletionWhenEnrolmentCompleted } from './application/record-completion-when-enrolment-completed.handler';
import { RecordConfirmationWhenEnrolmentConfirmed } from './application/record-confirmation-when-enrolment-confirmed.handler';
import { RecordConfirmationWhenEnrolmentPromoted } from './application/record-confirmation-when-enrolment-promoted.handler';
import { RecordDropOutWhenEnrolmentNotCompleted } from './application/record-drop-out-when-enrolment-not-completed.handler';

/** Enrolments, completions and drop-out, from enrolments' events. */
@Module({
  controllers: [
    RecordConfirmationWhenEnrolmentConfirmed,
    RecordConfirmationWhenEnrolmentPromoted,
    RecordCancellationWhenEnrolmentCancelled,
    RecordCompletionWhenEnrolmentCompleted,
    RecordDropOutWhenEnrolmentNotCompleted,
  ],
})
export class EnrolmentFiguresModule {}
