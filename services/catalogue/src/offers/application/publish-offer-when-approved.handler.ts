import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type OfferApproved } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { OfferService } from './offer.service';

// State timestamps use the time of applying, not of the decision: updated_since must never move backwards.
/** The quality gate: an offer version is published only when the quality service approved it. */
@Controller()
export class PublishOfferWhenApproved {
  constructor(private readonly offers: OfferService) {}

  @OnEvent(QualityEvents.OfferApproved)
  async handle(@Payload() event: OfferApproved, @Ctx() context: HandlerContext): Promise<void> {
    await this.offers.applyApproval(context.manager, event, context.publish.bind(context), new Date());
  }
}
