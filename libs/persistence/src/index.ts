export * from './service-database';
export * from './service-migrations';
export * from './schema-drift';
export * from './unit-of-work';
export * from './source-order';
export * from './cents.transformer';
