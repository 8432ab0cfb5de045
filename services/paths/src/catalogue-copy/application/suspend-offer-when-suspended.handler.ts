import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { setOfferStatus } from './known-offer-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';

/** Quality mark expired or revoked: not suggested until published again. */
@Controller()
export class SuspendOfferWhenSuspended {
  @OnEvent(CatalogueEvents.OfferSuspended)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferSuspended>, @Ctx() context: HandlerContext): Promise<void> {
    await setOfferStatus(event.offerId, 'suspended', event.revision, context);
  }
}
