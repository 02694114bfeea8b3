import { INPUT_PORT } from '../node-types/manifest.js';
import { TRIGGER_NODE_ID } from '../schema/flow-schema.js';

/** The port an edge leaves from when its `from` names only the node. */
export const DEFAULT_OUTPUT_PORT = 'out';

export interface EdgeSource {
  node: string;
  /** Undefined for the trigger, which has a single unnamed output. */
  port: string | undefined;
}

/**
 * Splits an edge's `from` into node and port; `check.valid` → { node: 'check', port: 'valid' }.
 *
 * @example
 * parseSource('trigger'); // { node: 'trigger', port: undefined }
 * parseSource('map');     // { node: 'map', port: 'out' }
 */
export function parseSource(from: string): EdgeSource {
  if (from === TRIGGER_NODE_ID) return { node: TRIGGER_NODE_ID, port: undefined };
  const dot = from.indexOf('.');
  if (dot === -1) return { node: from, port: DEFAULT_OUTPUT_PORT };
  return { node: from.slice(0, dot), port: from.slice(dot + 1) };
}

/**
 * Splits an edge's `to` into node and input port; `map.in` → { node: 'map', port: 'in' }.
 *
 * @example
 * parseTarget('map'); // { node: 'map', port: 'in' }
 */
export function parseTarget(to: string): { node: string; port: string } {
  const dot = to.indexOf('.');
  if (dot === -1) return { node: to, port: INPUT_PORT };
  return { node: to.slice(0, dot), port: to.slice(dot + 1) };
}

/** The canonical spelling of a source, used to compare edges: `trigger` or `node.port`. */
export function sourceKey(source: EdgeSource): string {
  return source.port === undefined ? source.node : `${source.node}.${source.port}`;
}
