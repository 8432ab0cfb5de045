import { Module } from '@nestjs/common';
import { RecordApprovalWhenOfferApproved } from './application/record-approval-when-offer-approved.handler';
import { RecordMarkEndWhenMarkExpired } from './application/record-mark-end-when-mark-expired.handler';
import { RecordMarkEndWhenMarkRevoked } from './application/record-mark-end-when-mark-revoked.handler';
import { RecordRejectionWhenOfferRejected } from './application/record-rejection-when-offer-rejected.handler';

/** Quality: offers approved and rejected, marks expired or revoked, from quality's events. */
@Module({
  controllers: [
    RecordApprovalWhenOfferApproved,
    RecordRejectionWhenOfferRejected,
    RecordMarkEndWhenMarkExpired,
    RecordMarkEndWhenMarkRevoked,
  ],
})
export class QualityFiguresModule {}
