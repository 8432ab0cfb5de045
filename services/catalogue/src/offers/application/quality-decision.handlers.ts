import { Injectable } from '@nestjs/common';
import { QualityEvents, type MarkExpired, type MarkRevoked, type OfferApproved, type OfferRejected } from '@napl/contracts';
import { EventHandlerProvider, type EventHandler, type HandlerContext } from '@napl/messaging';
import { OfferService } from './offer.service';

// State timestamps use the time of applying, not of the decision: updated_since must never move backwards.

/** The quality gate: an offer version is published only when the quality service approved it. */
@Injectable()
@EventHandlerProvider()
export class PublishOfferWhenApproved implements EventHandler<typeof QualityEvents.OfferApproved> {
  readonly contract = QualityEvents.OfferApproved;

  constructor(private readonly offers: OfferService) {}

  async handle(event: OfferApproved, context: HandlerContext): Promise<void> {
    await this.offers.applyApproval(context.manager, event, context.publish.bind(context), new Date());
  }
}

/** A rejected version goes back to draft, with the assessor's reasons for the provider. */
@Injectable()
@EventHandlerProvider()
export class ReturnOfferToDraftWhenRejected implements EventHandler<typeof QualityEvents.OfferRejected> {
  readonly contract = QualityEvents.OfferRejected;

  constructor(private readonly offers: OfferService) {}

  async handle(event: OfferRejected, context: HandlerContext): Promise<void> {
    await this.offers.applyRejection(context.manager, event, new Date());
  }
}

@Injectable()
@EventHandlerProvider()
export class SuspendOfferWhenMarkExpired implements EventHandler<typeof QualityEvents.MarkExpired> {
  readonly contract = QualityEvents.MarkExpired;

  constructor(private readonly offers: OfferService) {}

  async handle(event: MarkExpired, context: HandlerContext): Promise<void> {
    const reason = 'Het kwaliteitskeurmerk is verlopen; het aanbod neemt geen nieuwe inschrijvingen aan.';
    await this.offers.applyMarkLapsed(context.manager, event, reason, context.publish.bind(context), new Date());
  }
}

@Injectable()
@EventHandlerProvider()
export class SuspendOfferWhenMarkRevoked implements EventHandler<typeof QualityEvents.MarkRevoked> {
  readonly contract = QualityEvents.MarkRevoked;

  constructor(private readonly offers: OfferService) {}

  async handle(event: MarkRevoked, context: HandlerContext): Promise<void> {
    const reason = `Het kwaliteitskeurmerk is ingetrokken${event.reason ? `: ${event.reason}` : ''}.`;
    await this.offers.applyMarkLapsed(context.manager, event, reason, context.publish.bind(context), new Date());
  }
}
