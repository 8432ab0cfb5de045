import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { upsertOffer } from './known-offer-store';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { refreshProgressForOffer } from '../../teacher-paths/application/progress-refresh';

/** A published offer changed: its new version's hours and steps. */
@Controller()
export class UpdateOfferWhenUpdated {
  @OnEvent(CatalogueEvents.OfferUpdated)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferUpdated>, @Ctx() context: HandlerContext): Promise<void> {
    await upsertOffer(event.offer!, null, event.revision, context);
    // Completions that arrived before these facts may count now.
    await refreshProgressForOffer(context.manager, event.offer!.offerId, new Date(context.envelope.occurredAt));
  }
}
