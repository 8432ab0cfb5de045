import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordMovements } from './money-facts';

/** A submitted claim commits its amounts against the region's budget years. */
@Controller()
export class RecordCommitmentWhenClaimSubmitted {
  @OnEvent(ReimbursementEvents.ClaimSubmitted)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.ClaimSubmitted>, @Ctx() context: HandlerContext): Promise<void> {
    await recordMovements({ sourceId: event.claimId, regionId: event.regionId, kind: 'committed', at: eventMoment(event.submittedAt, context), amounts: event.committed }, context);
    await markTopicRead(ReimbursementEvents.ClaimSubmitted, context);
  }
}
