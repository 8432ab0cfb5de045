import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { QualityEvents, type MarkRevoked } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { OfferService } from './offer.service';

// State timestamps use the time of applying, not of the decision: updated_since must never move backwards.
@Controller()
export class SuspendOfferWhenMarkRevoked {
  constructor(private readonly offers: OfferService) {}

  @OnEvent(QualityEvents.MarkRevoked)
  async handle(@Payload() event: MarkRevoked, @Ctx() context: HandlerContext): Promise<void> {
    const reason = `Het kwaliteitskeurmerk is ingetrokken${event.reason ? `: ${event.reason}` : ''}.`;
    await this.offers.applyMarkLapsed(context.manager, event, reason, context.publish.bind(context), new Date());
  }
}
