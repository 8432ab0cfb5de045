import { Module } from '@nestjs/common';
import { CloseOfferWhenWithdrawn } from './application/close-offer-when-withdrawn.handler';
import { RecordOfferWhenPublished } from './application/record-offer-when-published.handler';
import { SuspendOfferWhenSuspended } from './application/suspend-offer-when-suspended.handler';
import { UpdateOfferWhenUpdated } from './application/update-offer-when-updated.handler';

/** The local copy of the catalogue's offers: published (and so approved), team programme, sectors. */
@Module({ controllers: [RecordOfferWhenPublished, UpdateOfferWhenUpdated, CloseOfferWhenWithdrawn, SuspendOfferWhenSuspended] })
export class OffersModule {}
