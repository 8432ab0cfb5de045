export * from './idempotency-key.entity';
export * from './idempotency.error';
export * from './idempotency.interceptor';
export * from './idempotency.migration';
export * from './request-hash';
