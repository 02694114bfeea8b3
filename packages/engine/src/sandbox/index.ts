export { createIsolatePool } from './create-isolate-pool.js';
export type { CodeLogLine, CodeRunRequest, CodeRunResult, CodeSandbox } from './types.js';
