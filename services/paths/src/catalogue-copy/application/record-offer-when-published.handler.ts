import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { upsertOffer } from './known-offer-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { refreshProgressForOffer } from '../../teacher-paths/application/progress-refresh';

/** Published after quality approval: the offer can be suggested for the steps it serves. */
@Controller()
export class RecordOfferWhenPublished {
  @OnEvent(CatalogueEvents.OfferPublished)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferPublished>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertOffer(event.offer!, 'published', event.revision, context);
    // Completions that arrived before these facts may count now.
    await refreshProgressForOffer(context.manager, event.offer!.offerId, new Date(context.envelope.occurredAt));
  }
}
