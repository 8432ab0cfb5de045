import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type MarkExpired } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { OfferService } from './offer.service';

// State timestamps use the time of applying, not of the decision: updated_since must never move backwards.
@Controller()
export class SuspendOfferWhenMarkExpired {
  constructor(private readonly offers: OfferService) {}

  @OnEvent(QualityEvents.MarkExpired)
  async handle(@Payload() event: MarkExpired, @Ctx() context: HandlerContext): Promise<void> {
    const reason = 'Het kwaliteitskeurmerk is verlopen; het aanbod neemt geen nieuwe inschrijvingen aan.';
    await this.offers.applyMarkLapsed(context.manager, event, reason, context.publish.bind(context), new Date());
  }
}
