export { diffFlows } from './diff-flows.js';
export { isDefaultExpressionPath } from './expression-paths.js';
export type {
  DiffOptions,
  ExpressionChange,
  ExpressionPathPredicate,
  FlowDiff,
  NodeChange,
  NodeMove,
  ValueChange,
} from './flow-diff.js';
export { formatFlowDiff } from './format-flow-diff.js';
