export * from './topics';
export * from './event-contract';
export * from './all-events';
export * from './sector-codes';
// Per publishing service: its event contracts and the TypeScript of its messages, both generated from its proto/
// package (the contracts from the messages' napl.options.v1 options).
export * from './gen/napl/catalogue/v1/catalogue_events';
export * from './gen/napl/catalogue/v1/offer_events_pb';
export * from './gen/napl/catalogue/v1/run_events_pb';
export * from './gen/napl/quality/v1/quality_events';
export * from './gen/napl/quality/v1/assessment_events_pb';
export * from './gen/napl/quality/v1/mark_events_pb';
export * from './gen/napl/enrolments/v1/enrolments_events';
export * from './gen/napl/enrolments/v1/enrolment_events_pb';
export * from './gen/napl/enrolments/v1/participation_events_pb';
export * from './gen/napl/enrolments/v1/teacher_events_pb';
export * from './gen/napl/paths/v1/paths_events';
export * from './gen/napl/paths/v1/path_events_pb';
export * from './gen/napl/paths/v1/teacher_path_events_pb';
export * from './gen/napl/reimbursement/v1/reimbursement_events';
export * from './gen/napl/reimbursement/v1/eligibility_events_pb';
export * from './gen/napl/reimbursement/v1/claim_events_pb';
export * from './gen/napl/reimbursement/v1/statement_events_pb';
export * from './gen/napl/reimbursement/v1/budget_events_pb';
