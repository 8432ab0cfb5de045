export * from './test-infra';
export * from './service-harness';
export * from './service-data-source';
export * from './kafka-probe';
export * from './event-publisher';
export * from './test-dates';
export * from './own-broker';
export * from './platform-conformance';
export { deleteTopicsWithPrefix } from './global-teardown';
