export { waitFor } from '../queue/testing/wait-for.js';
export * from './child-process.js';
export * from './redis-server.js';
