export * from './clock.js';
export * from './engine.js';
export * from './execution-record.js';
export { defaultExpressionLimits, type ExpressionLimits } from './expressions/expression-limits.js';
export * from './ports.js';
export type { PreparedFlow, PreparedNode } from './run/prepare-flow.js';
export { REDACTED } from './run/redactor.js';
export * from './sandbox/index.js';
