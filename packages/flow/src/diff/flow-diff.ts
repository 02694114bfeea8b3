import type { EdgeDefinition, NodeDefinition } from '../schema/flow-schema.js';

/**
 * What changed between two revisions of a flow, ignoring everything that does not change behaviour:
 * the layout, the order of nodes and edges, and the spelling of edge endpoints (`x` vs `x.out`).
 */
export interface FlowDiff {
  /** False when only the layout differs, or nothing. */
  changed: boolean;
  /** Canvas positions or sticky notes differ; never makes `changed` true. */
  layoutChanged: boolean;
  /** Top-level fields other than trigger, nodes, edges and layout (name, description…); paths like '/name'. */
  meta: ValueChange[];
  /** Paths from the flow root, like '/trigger/config/topic'. */
  trigger: ValueChange[];
  /** In the order of the newer revision. */
  nodesAdded: NodeDefinition[];
  /** In the order of the older revision. */
  nodesRemoved: NodeDefinition[];
  /** Nodes with the same id in both revisions that differ in anything but their id. */
  nodesChanged: NodeChange[];
  /** Normalised: `from` is `trigger` or `node.port`, `to` the bare node id. */
  edgesAdded: EdgeDefinition[];
  edgesRemoved: EdgeDefinition[];
  /** Nodes in both revisions whose incoming connections differ, e.g. fed by check.invalid instead of check.valid. */
  moved: NodeMove[];
}

export interface ValueChange {
  /** JSON pointer (RFC 6901) from the flow root, or from the node for node changes. */
  path: string;
  before?: unknown;
  after?: unknown;
  kind: 'added' | 'removed' | 'changed';
}

export interface NodeChange {
  nodeId: string;
  typeChanged?: { before: string; after: string };
  /** Every difference, paths relative to the node ('/config/expression', '/retry/maxAttempts', '/type'). */
  changes: ValueChange[];
  /** Config strings that are JSONata or code, whole, so they can be shown line by line; also in `changes`. */
  expressionChanges: ExpressionChange[];
}

export interface ExpressionChange {
  /** Relative to the node, e.g. '/config/cases/0/condition'. */
  path: string;
  before?: string;
  after?: string;
}

export interface NodeMove {
  nodeId: string;
  /** Sorted, de-duplicated sources: 'trigger' or 'node.port'. */
  before: string[];
  after: string[];
}

/** Decides whether a config string holds an expression or code; `path` is relative to the node. */
export type ExpressionPathPredicate = (nodeType: string, path: string) => boolean;

export interface DiffOptions {
  /**
   * Replaces the default detection (`isDefaultExpressionPath`, by key name); compose with it to extend it,
   * e.g. with the `x-jsonata` fields of connector manifests.
   */
  isExpressionPath?: ExpressionPathPredicate;
}
