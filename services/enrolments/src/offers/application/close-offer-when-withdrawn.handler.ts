import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { setStatus } from './known-offer-store';

/** Withdrawn: no new enrolments; existing ones stand until the catalogue cancels runs. */
@Controller()
export class CloseOfferWhenWithdrawn {
  @OnEvent(CatalogueEvents.OfferWithdrawn)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferWithdrawn>, @Ctx() context: HandlerContext): Promise<void> {
    await setStatus(event.offerId, 'withdrawn', event.revision, context);
  }
}
