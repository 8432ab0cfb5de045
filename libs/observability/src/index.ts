export * from './request-context';
export * from './tracing';
export * from './metrics';
export * from './logging';
export * from './observability.module';
