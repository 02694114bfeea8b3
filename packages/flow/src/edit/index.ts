export { applyEdit } from './apply-edit.js';
export { edgeKey, normaliseEdge, normaliseSource, normaliseTarget } from './edge-identity.js';
export type {
  CanvasPosition,
  EditError,
  EditErrorCode,
  EditOf,
  EditResult,
  FlowEdit,
  FlowEditOp,
  MetaPatch,
  NodePatch,
  SingleFlowEdit,
  StickyNote,
} from './flow-edit.js';
export { createHistory, type EditHistory, type HistoryOptions } from './history.js';
export { formatPointer, parsePointer } from './json-pointer.js';
