import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { upsertOffer } from './known-offer-store';

/** A published offer changed (e.g. its team-programme flag or sectors); its status stays. */
@Controller()
export class UpdateOfferWhenUpdated {
  @OnEvent(CatalogueEvents.OfferUpdated)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferUpdated>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertOffer(event.offer!, null, event.revision, context);
  }
}
