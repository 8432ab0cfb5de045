import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { eventMoment, markTopicRead } from '../../reporting/application/topic-freshness';
import { recordOfferFormat } from './participation-facts';

/** An offer's format, for the split of participants by format. */
@Controller()
export class RecordFormatWhenOfferPublished {
  @OnEvent(CatalogueEvents.OfferPublished)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferPublished>, @Ctx() context: HandlerContext): Promise<void> {
    await recordOfferFormat({ offerId: event.offer!.offerId, format: event.offer!.format, revision: event.revision, at: eventMoment(event.publishedAt, context) }, context);
    await markTopicRead(CatalogueEvents.OfferPublished, context);
  }
}
