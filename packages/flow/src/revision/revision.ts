import type { FlowDefinition } from '../schema/flow-schema.js';
import { contentHash } from './content-hash.js';

/**
 * A saved, immutable version of a flow. Its hash covers the canonicalised definition without the
 * canvas layout, so moving a node on the canvas never makes a new revision.
 */
export interface Revision {
  readonly hash: string;
  readonly definition: Readonly<FlowDefinition>;
}

/**
 * The definition with what does not change behaviour (the canvas layout) left out.
 *
 * @example
 * semanticPart({ ...flow, layout: { nodes: { a: { x: 1, y: 2 } } } }).layout; // undefined
 */
export function semanticPart(flow: FlowDefinition): Omit<FlowDefinition, 'layout'> {
  const { layout: _layout, ...rest } = flow;
  return rest;
}

/**
 * The content hash of a flow revision.
 *
 * @example
 * revisionHash(flow) === revisionHash({ ...flow, layout: otherLayout }); // true
 */
export function revisionHash(flow: FlowDefinition): string {
  return contentHash(semanticPart(flow));
}

/**
 * Freezes a definition into a revision. The definition is deep-copied and frozen, so later edits
 * to the object it came from cannot change what the hash stands for.
 *
 * @example
 * const revision = createRevision(flow);
 * revision.hash; // '3f1c…'
 */
export function createRevision(flow: FlowDefinition): Revision {
  const definition = deepFreeze(structuredClone(flow));
  return Object.freeze({ hash: revisionHash(definition), definition });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
