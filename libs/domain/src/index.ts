// Domain code's shared vocabulary: pure TypeScript, no framework. Lint refuses Nest, TypeORM, Kafka, pg and the
// platform libs here and in every service's domain/ folder, so a rule can be loaded and tested on its own.
export * from './domain-error';
export * from './amsterdam-date';
export * from './iso-date';
export * from './run-enrolment';
