import type { FlowEdit, NodeDefinition, NodePatch } from '@waybill/flow';
import { NODE_ID_PATTERN } from '@waybill/flow';
import { isRecord } from './json-schema.js';

const PATCH_KEYS = [
  'type',
  'name',
  'credential',
  'retry',
  'inputSchema',
  'outputSchema',
  'notes',
  'disabled',
] as const;
const ALL_KEYS = new Set<string>(['id', 'config', ...PATCH_KEYS]);
/** The flow format's node id rule. */
export const NODE_ID = new RegExp(NODE_ID_PATTERN);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edits that turn `node` into the node written as JSON text: `updateNode` for the plain
 * fields, `setConfig ''` for the config, `renameNode` last (the others still name the old id).
 * A text that is not a node gives a sentence instead.
 *
 * @example
 * nodeJsonEdits({ id: 'a', type: 't', config: {} }, '{ "id": "a", "type": "t", "config": { "x": 1 } }');
 * // { ok: true, edit: { op: 'setConfig', nodeId: 'a', path: '', value: { x: 1 } } }
 */
export function nodeJsonEdits(
  node: NodeDefinition,
  text: string,
): { ok: true; edit: FlowEdit | undefined } | { ok: false; message: string; position?: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    return { ok: false, message: `Not valid JSON: ${message}`, ...(at ? { position: Number(at) } : {}) };
  }
  if (!isRecord(parsed)) return { ok: false, message: 'A node is a JSON object.' };
  const unknown = Object.keys(parsed).filter((key) => !ALL_KEYS.has(key));
  if (unknown.length > 0)
    return { ok: false, message: `Nodes have no field ${unknown.map((k) => `"${k}"`).join(', ')}.` };
  if (typeof parsed.id !== 'string' || !NODE_ID.test(parsed.id)) {
    return {
      ok: false,
      message: 'The id must start with a letter or _ and hold only letters, digits, _ and - (64 at most).',
    };
  }
  if (typeof parsed.type !== 'string' || parsed.type === '')
    return { ok: false, message: 'The node needs a type.' };
  const config = parsed.config ?? {};
  if (!isRecord(config)) return { ok: false, message: 'The config must be an object.' };

  const edits: FlowEdit[] = [];
  const patch: NodePatch = {};
  let changed = false;
  for (const key of PATCH_KEYS) {
    if (same(parsed[key], node[key])) continue;
    (patch as Record<string, unknown>)[key] = parsed[key];
    changed = true;
  }
  if (changed) edits.push({ op: 'updateNode', nodeId: node.id, patch });
  if (!same(config, node.config ?? {}))
    edits.push({ op: 'setConfig', nodeId: node.id, path: '', value: config });
  if (parsed.id !== node.id) edits.push({ op: 'renameNode', nodeId: node.id, newId: parsed.id });
  if (edits.length === 0) return { ok: true, edit: undefined };
  return { ok: true, edit: edits.length === 1 ? edits[0] : { op: 'batch', edits } };
}
