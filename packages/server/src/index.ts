export * from './app.js';
export * from './bootstrap/catalog.js';
export * from './bootstrap/config.js';
export * from './bootstrap/open-runtime.js';
export * from './bootstrap/start-server.js';
export * from './bootstrap/start-worker.js';
export * from './http/api-error.js';
export * from './intake/webhook-signature.js';
export type { ServerDeps, ServerLimits } from './server-deps.js';
