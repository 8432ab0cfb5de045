import {
  OfferPublishedSchema,
  OfferSubmittedSchema,
  OfferUpdatedSchema,
  OfferSuspendedSchema,
  OfferWithdrawnSchema,
} from './gen/napl/catalogue/v1/offer_events_pb';
import { RunCancelledSchema, RunChangedSchema, RunScheduledSchema } from './gen/napl/catalogue/v1/run_events_pb';
import { defineEvent } from './event-contract';
import { TOPICS } from './topics';

const offerFields = ['offer.offerId', 'offer.providerId', 'offer.version'];
const runFields = ['run.runId', 'run.offerId', 'run.startDate', 'run.endDate', 'run.capacity'];

/** Events the catalogue publishes. */
export const CatalogueEvents = {
  OfferSubmitted: defineEvent(OfferSubmittedSchema, TOPICS.catalogueOffer, offerFields),
  OfferPublished: defineEvent(OfferPublishedSchema, TOPICS.catalogueOffer, offerFields),
  OfferUpdated: defineEvent(OfferUpdatedSchema, TOPICS.catalogueOffer, offerFields),
  OfferWithdrawn: defineEvent(OfferWithdrawnSchema, TOPICS.catalogueOffer, ['offerId']),
  OfferSuspended: defineEvent(OfferSuspendedSchema, TOPICS.catalogueOffer, ['offerId', 'version']),
  RunScheduled: defineEvent(RunScheduledSchema, TOPICS.catalogueRun, runFields),
  RunChanged: defineEvent(RunChangedSchema, TOPICS.catalogueRun, runFields),
  RunCancelled: defineEvent(RunCancelledSchema, TOPICS.catalogueRun, ['runId', 'offerId']),
} as const;
