import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { upsertOffer } from './known-offer-store';

/** Published after quality approval: the offer's runs take enrolments. */
@Controller()
export class RecordOfferWhenPublished {
  @OnEvent(CatalogueEvents.OfferPublished)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferPublished>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertOffer(event.offer!, 'published', event.revision, context);
  }
}
