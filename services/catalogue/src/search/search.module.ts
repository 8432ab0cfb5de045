import { Module } from '@nestjs/common';
import { OfferSearch } from './application/offer-search';
import { SearchController } from './http/search.controller';

/** Teachers (and anyone signed in) find published offers. */
@Module({ providers: [OfferSearch], controllers: [SearchController] })
export class SearchModule {}
