export * from './child-process.js';
export * from './redis-server.js';
