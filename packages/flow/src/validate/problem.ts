/**
 * One thing wrong with a flow. The validator returns every problem at once so the canvas can mark
 * them all; each names the node (when there is one), a JSON pointer into flow.json and a sentence.
 */
export type ProblemCode =
  | 'invalid-structure'
  | 'duplicate-node-id'
  | 'unknown-node-type'
  | 'invalid-config'
  | 'unknown-trigger-type'
  | 'invalid-trigger-config'
  | 'dangling-edge'
  | 'duplicate-edge'
  | 'unknown-port'
  | 'unreachable-node'
  | 'cycle'
  | 'missing-credential'
  | 'unknown-credential'
  | 'wrong-credential-type'
  | 'loop-boundary';

export interface Problem {
  code: ProblemCode;
  /** The node concerned, when the problem belongs to one node. */
  nodeId?: string;
  /** JSON pointer into the flow definition, e.g. /nodes/2/config/expression. */
  pointer: string;
  message: string;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export const pointerSegment = (segment: string | number): string =>
  String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
