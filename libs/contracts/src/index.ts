export * from './topics';
export * from './event-contract';
// One file per publishing service: its event contracts, then the TypeScript generated from its proto/ package.
export * from './catalogue.events';
export * from './gen/napl/catalogue/v1/offer_events_pb';
export * from './gen/napl/catalogue/v1/run_events_pb';
export * from './quality.events';
export * from './gen/napl/quality/v1/assessment_events_pb';
export * from './gen/napl/quality/v1/mark_events_pb';
export * from './enrolments.events';
export * from './gen/napl/enrolments/v1/enrolment_events_pb';
export * from './gen/napl/enrolments/v1/participation_events_pb';
