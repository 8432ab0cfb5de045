import { Module } from '@nestjs/common';
import { OfferService } from './application/offer.service';
import {
  PublishOfferWhenApproved,
  ReturnOfferToDraftWhenRejected,
  SuspendOfferWhenMarkExpired,
  SuspendOfferWhenMarkRevoked,
} from './application/quality-decision.handlers';
import { OffersController } from './http/offers.controller';

/** Offers, their versions and publication lifecycle, gated by the quality service's decisions. */
@Module({
  providers: [OfferService, PublishOfferWhenApproved, ReturnOfferToDraftWhenRejected, SuspendOfferWhenMarkExpired, SuspendOfferWhenMarkRevoked],
  controllers: [OffersController],
  exports: [OfferService],
})
export class OffersModule {}
