import { Module } from '@nestjs/common';
import { OfferService } from './application/offer.service';
import { PublishOfferWhenApproved } from './application/publish-offer-when-approved.handler';
import { ReturnOfferToDraftWhenRejected } from './application/return-offer-to-draft-when-rejected.handler';
import { SuspendOfferWhenMarkExpired } from './application/suspend-offer-when-mark-expired.handler';
import { SuspendOfferWhenMarkRevoked } from './application/suspend-offer-when-mark-revoked.handler';
import { OffersController } from './http/offers.controller';

/** Offers, their versions and publication lifecycle, gated by the quality service's decisions. */
@Module({
  providers: [OfferService],
  controllers: [OffersController, PublishOfferWhenApproved, ReturnOfferToDraftWhenRejected, SuspendOfferWhenMarkExpired, SuspendOfferWhenMarkRevoked],
  exports: [OfferService],
})
export class OffersModule {}
