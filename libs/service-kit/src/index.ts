export * from './service-config';
export * from './domain-error';
export * from './problem-details';
export * from './health.controller';
export * from './platform.module';
export * from './bootstrap';
export * from './idempotency';
