import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordClaimDecision } from './money-facts';

/** A decision on a claim gives back what it does not keep committed (nothing, when every line is approved). */
@Controller()
export class RecordReleaseWhenClaimApproved {
  @OnEvent(ReimbursementEvents.ClaimApproved)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.ClaimApproved>, @Ctx() context: HandlerContext): Promise<void> {
    await recordClaimDecision(event.decision!, eventMoment(event.decision!.decidedAt, context), context);
    await markTopicRead(ReimbursementEvents.ClaimApproved, context);
  }
}
