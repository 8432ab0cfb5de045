import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordOfferFormat } from './participation-facts';

/** A changed offer may have another format; the newest revision wins. */
@Controller()
export class RecordFormatWhenOfferUpdated {
  @OnEvent(CatalogueEvents.OfferUpdated)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferUpdated>, @Ctx() context: HandlerContext): Promise<void> {
    await recordOfferFormat({ offerId: event.offer!.offerId, format: event.offer!.format, revision: event.revision, at: eventMoment(event.updatedAt, context) }, context);
    await markTopicRead(CatalogueEvents.OfferUpdated, context);
  }
}
