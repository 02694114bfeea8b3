import { type FlowDefinition, NODE_ID_PATTERN, TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import type { EditError, EditErrorCode, SingleFlowEdit } from './flow-edit.js';

const NODE_ID = new RegExp(NODE_ID_PATTERN);

/** Why an edit could not be applied. */
export type Failure = { ok: false; error: EditError };

/** A value or the reason there is none; what the edit helpers return. */
export type OpOutcome<T> = { ok: true; value: T } | Failure;

/**
 * What an edit handler returns: the new flow and the edits that most naturally undo it. `applyEdit`
 * checks that they restore the flow exactly and completes them when they do not.
 */
export interface Applied {
  flow: FlowDefinition;
  inverse: SingleFlowEdit[];
}

/**
 * A failed outcome.
 *
 * @example
 * return fail('node-not-found', 'The node "x" does not exist.');
 */
export function fail(code: EditErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}

/**
 * Why a string cannot be a node id, or undefined when it can.
 *
 * @example
 * nodeIdProblem('check.valid'); // an 'invalid-id' error: dots separate node and port in edges
 */
export function nodeIdProblem(id: unknown): EditError | undefined {
  if (typeof id !== 'string' || !NODE_ID.test(id)) {
    return {
      code: 'invalid-id',
      message: `The node id ${JSON.stringify(id)} is not valid: start with a letter or underscore, then use up to 63 letters, digits, underscores or hyphens.`,
    };
  }
  // `trigger` already names the flow's entry in edges; `__proto__` would not survive the server's JSON parsing.
  if (id === TRIGGER_NODE_ID || id === '__proto__') {
    return { code: 'invalid-id', message: `The node id "${id}" is reserved; choose another.` };
  }
  return undefined;
}

/**
 * Whether `index` is a place an item can be inserted into a list of `length` items.
 *
 * @example
 * isInsertIndex(3, 3); // true: append
 */
export function isInsertIndex(index: number, length: number): boolean {
  return Number.isInteger(index) && index >= 0 && index <= length;
}

/**
 * Error for a bad insertion index.
 *
 * @example
 * return indexError(7, 3);
 */
export function indexError(index: number, length: number): Failure {
  return fail('invalid-index', `The index ${index} is outside the list, which has ${length} items.`);
}
