import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordEligibility } from './money-facts';

/** An enrolment's eligibility for reimbursement was decided or changed. */
@Controller()
export class RecordEligibilityWhenEligibilityDecided {
  @OnEvent(ReimbursementEvents.EligibilityDecided)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.EligibilityDecided>, @Ctx() context: HandlerContext): Promise<void> {
    await recordEligibility(
      { enrolmentId: event.enrolmentId, regionId: event.regionId, eligible: event.eligible, reason: event.reason, amountCents: event.amountCents, decidedAt: eventMoment(event.decidedAt, context) },
      context,
    );
    await markTopicRead(ReimbursementEvents.EligibilityDecided, context);
  }
}
