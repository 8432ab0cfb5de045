import { Module } from '@nestjs/common';
import { RecordAllocationWhenBudgetAllocated } from './application/record-allocation-when-budget-allocated.handler';
import { RecordClawBackWhenClawBackRecorded } from './application/record-claw-back-when-claw-back-recorded.handler';
import { RecordCommitmentWhenClaimSubmitted } from './application/record-commitment-when-claim-submitted.handler';
import { RecordEligibilityWhenEligibilityDecided } from './application/record-eligibility-when-eligibility-decided.handler';
import { RecordPaymentWhenPaymentIssued } from './application/record-payment-when-payment-issued.handler';
import { RecordReleaseWhenClaimApproved } from './application/record-release-when-claim-approved.handler';
import { RecordReleaseWhenClaimPartlyApproved } from './application/record-release-when-claim-partly-approved.handler';
import { RecordReleaseWhenClaimRejected } from './application/record-release-when-claim-rejected.handler';

/** Money: budgets allocated, amounts committed, paid and clawed back per region and year, from reimbursement's events. */
@Module({
  controllers: [
    RecordAllocationWhenBudgetAllocated,
    RecordCommitmentWhenClaimSubmitted,
    RecordReleaseWhenClaimApproved,
    RecordReleaseWhenClaimPartlyApproved,
    RecordReleaseWhenClaimRejected,
    RecordPaymentWhenPaymentIssued,
    RecordClawBackWhenClawBackRecorded,
    RecordEligibilityWhenEligibilityDecided,
  ],
})
export class MoneyModule {}
