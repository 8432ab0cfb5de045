import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { setStatus } from './known-offer-store';

/** Quality mark expired or revoked: no new enrolments until the offer is published again. */
@Controller()
export class SuspendOfferWhenSuspended {
  @OnEvent(CatalogueEvents.OfferSuspended)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferSuspended>, @Ctx() context: HandlerContext): Promise<void> {
    await setStatus(event.offerId, 'suspended', event.revision, context);
  }
}
