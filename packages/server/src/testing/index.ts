export * from './test-runtime.js';
export * from './waybill-processes.js';
