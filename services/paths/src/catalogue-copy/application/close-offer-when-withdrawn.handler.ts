import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { setOfferStatus } from './known-offer-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** Withdrawn by its provider: no longer suggested. */
@Controller()
export class CloseOfferWhenWithdrawn {
  @OnEvent(CatalogueEvents.OfferWithdrawn)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferWithdrawn>, @Ctx() context: HandlerContext): Promise<void> {
    await setOfferStatus(event.offerId, 'withdrawn', event.revision, context);
  }
}
