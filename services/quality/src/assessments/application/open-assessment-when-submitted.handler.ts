import { Injectable } from '@nestjs/common';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { EventHandlerProvider, type EventHandler, type HandlerContext } from '@napl/messaging';
import { AssessmentsService } from './assessments.service';

/** A provider submitted an offer version: it gets an assessment case on the current framework. */
@Injectable()
@EventHandlerProvider()
export class OpenAssessmentWhenSubmitted implements EventHandler<typeof CatalogueEvents.OfferSubmitted> {
  readonly contract = CatalogueEvents.OfferSubmitted;

  constructor(private readonly assessments: AssessmentsService) {}

  async handle(event: EventOf<typeof CatalogueEvents.OfferSubmitted>, context: HandlerContext): Promise<void> {
    const offer = event.offer!;
    await this.assessments.open(
      context.manager,
      { offerId: offer.offerId, offerVersion: offer.version, providerId: offer.providerId, offerTitle: offer.title, kind: 'submission' },
      context.publish,
    );
  }
}
