export * from './fixture-flows.js';
export * from './test-runtime.js';
export * from './waybill-processes.js';
