import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CatalogueEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { AssessmentsService } from './assessments.service';

/** A provider submitted an offer version: it gets an assessment case on the current framework. */
@Controller()
export class OpenAssessmentWhenSubmitted {
  constructor(private readonly assessments: AssessmentsService) {}

  @OnEvent(CatalogueEvents.OfferSubmitted)
  async handle(@Payload() event: EventOf<typeof CatalogueEvents.OfferSubmitted>, @Ctx() context: HandlerContext): Promise<void> {
    const offer = event.offer!;
    await this.assessments.open(
      context.manager,
      { offerId: offer.offerId, offerVersion: offer.version, providerId: offer.providerId, offerTitle: offer.title, kind: 'submission' },
      context.publish,
    );
  }
}
