export * from './cli.js';
export * from './cli-error.js';
export * from './flow-cases.js';
export * from './load-flow.js';
