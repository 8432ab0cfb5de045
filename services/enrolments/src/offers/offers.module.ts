import { Module } from '@nestjs/common';
import {
  CloseOfferWhenWithdrawn,
  RecordOfferWhenPublished,
  SuspendOfferWhenSuspended,
  UpdateOfferWhenUpdated,
} from './application/offer-status.handlers';

/** The local copy of the catalogue's offers: published (and so approved), team programme, sectors. */
@Module({ providers: [RecordOfferWhenPublished, UpdateOfferWhenUpdated, CloseOfferWhenWithdrawn, SuspendOfferWhenSuspended] })
export class OffersModule {}
