import { Module } from '@nestjs/common';
import { DeclareCosts } from './application/declare-costs';
import { DecideReview } from './application/decide-review';
import { EligibilityQueries } from './application/eligibility.queries';
import { EndEnrolmentWhenCancelled } from './application/end-enrolment-when-cancelled.handler';
import { EndEnrolmentWhenCompleted } from './application/end-enrolment-when-completed.handler';
import { EndEnrolmentWhenNotCompleted } from './application/end-enrolment-when-not-completed.handler';
import { EndMarkWhenExpired } from './application/end-mark-when-expired.handler';
import { EndMarkWhenRevoked } from './application/end-mark-when-revoked.handler';
import { RecordEnrolmentWhenConfirmed } from './application/record-enrolment-when-confirmed.handler';
import { RecordEnrolmentWhenPromoted } from './application/record-enrolment-when-promoted.handler';
import { RecordMarkWhenOfferApproved } from './application/record-mark-when-offer-approved.handler';
import { RecordRunWhenScheduled } from './application/record-run-when-scheduled.handler';
import { RecordStartWhenParticipationStarted } from './application/record-start-when-participation-started.handler';
import { UpdateRunWhenChanged } from './application/update-run-when-changed.handler';
import { EligibilityController } from './http/eligibility.controller';

/**
 * Reimbursement's copy of enrolments, runs and quality marks from events, and every enrolment's eligibility with its
 * reason code, decided again whenever its facts change; costs a region declares; the ministry's review queue.
 */
@Module({
  controllers: [
    EligibilityController,
    RecordMarkWhenOfferApproved,
    EndMarkWhenExpired,
    EndMarkWhenRevoked,
    RecordRunWhenScheduled,
    UpdateRunWhenChanged,
    RecordEnrolmentWhenConfirmed,
    RecordEnrolmentWhenPromoted,
    EndEnrolmentWhenCancelled,
    EndEnrolmentWhenCompleted,
    EndEnrolmentWhenNotCompleted,
    RecordStartWhenParticipationStarted,
  ],
  providers: [EligibilityQueries, DeclareCosts, DecideReview],
})
export class EligibilityModule {}
