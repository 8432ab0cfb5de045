import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { CatalogueError } from './catalogue.error';

/** An id that is not a UUID cannot name anything: 404 with a Dutch message (and never a database error). */
export const offerIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new CatalogueError('OFFER_NOT_FOUND', 'not-found', 'Dit aanbod bestaat niet.'),
});
export const runIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new CatalogueError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering bestaat niet.'),
});
export const providerIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new CatalogueError('PROVIDER_NOT_FOUND', 'not-found', 'Deze aanbieder bestaat niet.'),
});
export const versionPipe = new ParseIntPipe({
  exceptionFactory: () => new CatalogueError('OFFER_VERSION_NOT_FOUND', 'not-found', 'Deze versie van het aanbod bestaat niet.'),
});
