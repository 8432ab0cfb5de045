import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordClaimDecision } from './money-facts';

/** A rejected claim gives its committed amounts back to the budget. */
@Controller()
export class RecordReleaseWhenClaimRejected {
  @OnEvent(ReimbursementEvents.ClaimRejected)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.ClaimRejected>, @Ctx() context: HandlerContext): Promise<void> {
    await recordClaimDecision(event.decision!, eventMoment(event.decision!.decidedAt, context), context);
    await markTopicRead(ReimbursementEvents.ClaimRejected, context);
  }
}
