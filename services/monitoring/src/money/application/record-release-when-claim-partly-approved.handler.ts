import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReimbursementEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordClaimDecision } from './money-facts';

/** A partly approved claim gives back the amounts of its rejected lines. */
@Controller()
export class RecordReleaseWhenClaimPartlyApproved {
  @OnEvent(ReimbursementEvents.ClaimPartlyApproved)
  async handle(@Payload() event: EventOf<typeof ReimbursementEvents.ClaimPartlyApproved>, @Ctx() context: HandlerContext): Promise<void> {
    await recordClaimDecision(event.decision!, eventMoment(event.decision!.decidedAt, context), context);
    await markTopicRead(ReimbursementEvents.ClaimPartlyApproved, context);
  }
}
