import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordDecision } from './quality-facts';

/** An offer version was approved. */
@Controller()
export class RecordApprovalWhenOfferApproved {
  @OnEvent(QualityEvents.OfferApproved)
  async handle(@Payload() event: EventOf<typeof QualityEvents.OfferApproved>, @Ctx() context: HandlerContext): Promise<void> {
    await recordDecision({ assessmentId: event.assessmentId, offerId: event.offerId, offerVersion: event.offerVersion, approved: true, decidedAt: eventMoment(event.decidedAt, context) }, context);
    await markTopicRead(QualityEvents.OfferApproved, context);
  }
}
