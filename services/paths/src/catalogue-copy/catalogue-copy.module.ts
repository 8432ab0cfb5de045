import { Module } from '@nestjs/common';
import { CancelRunWhenCancelled } from './application/cancel-run-when-cancelled.handler';
import { CloseOfferWhenWithdrawn } from './application/close-offer-when-withdrawn.handler';
import { EndMarkWhenExpired } from './application/end-mark-when-expired.handler';
import { EndMarkWhenRevoked } from './application/end-mark-when-revoked.handler';
import { FreePlaceWhenEnrolmentCancelled } from './application/free-place-when-enrolment-cancelled.handler';
import { RecordMarkWhenOfferApproved } from './application/record-mark-when-offer-approved.handler';
import { RecordOfferWhenPublished } from './application/record-offer-when-published.handler';
import { RecordRunWhenScheduled } from './application/record-run-when-scheduled.handler';
import { SuspendOfferWhenSuspended } from './application/suspend-offer-when-suspended.handler';
import { TakePlaceWhenEnrolmentConfirmed } from './application/take-place-when-enrolment-confirmed.handler';
import { TakePlaceWhenEnrolmentPromoted } from './application/take-place-when-enrolment-promoted.handler';
import { UpdateOfferWhenUpdated } from './application/update-offer-when-updated.handler';
import { UpdateRunWhenChanged } from './application/update-run-when-changed.handler';

/**
 * The paths service's own copy of what the catalogue, quality and enrolments publish about offers: which steps an
 * offer serves and for how many hours, its runs and places left, and its quality marks. Paths never calls them.
 */
@Module({
  controllers: [
    RecordOfferWhenPublished,
    UpdateOfferWhenUpdated,
    CloseOfferWhenWithdrawn,
    SuspendOfferWhenSuspended,
    RecordRunWhenScheduled,
    UpdateRunWhenChanged,
    CancelRunWhenCancelled,
    TakePlaceWhenEnrolmentConfirmed,
    TakePlaceWhenEnrolmentPromoted,
    FreePlaceWhenEnrolmentCancelled,
    RecordMarkWhenOfferApproved,
    EndMarkWhenExpired,
    EndMarkWhenRevoked,
  ],
})
export class CatalogueCopyModule {}
