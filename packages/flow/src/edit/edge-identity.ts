import { parseSource, parseTarget, sourceKey } from '../graph/endpoints.js';
import { INPUT_PORT } from '../node-types/manifest.js';
import type { EdgeDefinition } from '../schema/flow-schema.js';

/**
 * The canonical spelling of an edge: `from` is `trigger` or `node.port`, `to` is the bare node id
 * (`node.port` is kept for a port other than `in`, which the validator rejects). Two edges are the same
 * connection exactly when their canonical spellings are equal, so `x → y` equals `x.out → y.in`.
 *
 * @example
 * normaliseEdge({ from: 'check', to: 'create_so.in' }); // { from: 'check.out', to: 'create_so' }
 */
export function normaliseEdge(edge: EdgeDefinition): EdgeDefinition {
  return { from: normaliseSource(edge.from), to: normaliseTarget(edge.to) };
}

/**
 * The canonical spelling of an edge source.
 *
 * @example
 * normaliseSource('check');   // 'check.out'
 * normaliseSource('trigger'); // 'trigger'
 */
export function normaliseSource(from: string): string {
  return sourceKey(parseSource(from));
}

/**
 * The canonical spelling of an edge target.
 *
 * @example
 * normaliseTarget('create_so.in'); // 'create_so'
 */
export function normaliseTarget(to: string): string {
  const target = parseTarget(to);
  return target.port === INPUT_PORT ? target.node : `${target.node}.${target.port}`;
}

/**
 * A string identifying the connection an edge makes, for sets and maps.
 *
 * @example
 * edgeKey({ from: 'check', to: 'ship' }) === edgeKey({ from: 'check.out', to: 'ship.in' }); // true
 */
export function edgeKey(edge: EdgeDefinition): string {
  return `${normaliseSource(edge.from)} -> ${normaliseTarget(edge.to)}`;
}

/**
 * The node ids at both ends of an edge; `source` is `trigger` for trigger edges.
 *
 * @example
 * edgeNodeIds({ from: 'check.valid', to: 'ship.in' }); // { source: 'check', target: 'ship' }
 */
export function edgeNodeIds(edge: EdgeDefinition): { source: string; target: string } {
  return { source: parseSource(edge.from).node, target: parseTarget(edge.to).node };
}
