export * from './concurrency-limiter.js';
export * from './redis-limiter.js';
export * from './store-limiter.js';
