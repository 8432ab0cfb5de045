export * from './topics';
export * from './event-contract';
export * from './catalogue.events';
export * from './gen/napl/catalogue/v1/offer_events_pb';
export * from './gen/napl/catalogue/v1/run_events_pb';
