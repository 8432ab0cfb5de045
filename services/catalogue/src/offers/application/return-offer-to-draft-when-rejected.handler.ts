import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type OfferRejected } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { OfferService } from './offer.service';

// State timestamps use the time of applying, not of the decision: updated_since must never move backwards.
/** A rejected version goes back to draft, with the assessor's reasons for the provider. */
@Controller()
export class ReturnOfferToDraftWhenRejected {
  constructor(private readonly offers: OfferService) {}

  @OnEvent(QualityEvents.OfferRejected)
  async handle(@Payload() event: OfferRejected, @Ctx() context: HandlerContext): Promise<void> {
    await this.offers.applyRejection(context.manager, event, new Date());
  }
}
