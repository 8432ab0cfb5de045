export * from './service-database';
export * from './schema-drift';
