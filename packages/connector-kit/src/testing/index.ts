export * from './connector-contract.js';
export * from './contract-checks.js';
export * from './test-call.js';
