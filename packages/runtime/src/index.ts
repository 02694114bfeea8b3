export * from './execution-events.js';
export * from './execution-runner.js';
export * from './outbox-relay.js';
export * from './queue/index.js';
export * from './reaper.js';
export * from './revision-cache.js';
export * from './worker.js';
