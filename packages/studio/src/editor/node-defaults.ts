import type { JsonSchema } from '@waybill/flow';
import { defaultConfig } from '../config/default-config.js';

const ID_MAX = 64;

/**
 * A node id derived from the type's last segment, made unique against the ids already taken
 * (`transform`, `transform_2`, …). Ids must match the flow schema's pattern, so anything else
 * becomes `_`.
 *
 * @example
 * uniqueNodeId('core.transform', new Set(['transform'])); // 'transform_2'
 */
export function uniqueNodeId(typeOrId: string, taken: ReadonlySet<string>): string {
  const last = typeOrId.split('.').pop() ?? 'node';
  let base = last.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, ID_MAX - 4) || 'node';
  if (!/^[A-Za-z_]/.test(base)) base = `n_${base}`;
  if (base === 'trigger') base = 'trigger_node';
  if (!taken.has(base)) return base;
  // Copies of `transform_2` become `transform_3`, not `transform_2_2`.
  const stem = base.replace(/_\d+$/, '') || base;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The addNode edit for a palette item: a unique id derived from the type and a default config.
 *
 * @example
 * const { edit, id } = addNodeEdit(flow, manifest, { x: 120, y: 80 });
 */
export function addNodeEdit(
  flow: { nodes: readonly { id: string }[] },
  manifest: { type: string; configSchema: JsonSchema },
  position: { x: number; y: number },
): {
  edit: {
    op: 'addNode';
    node: { id: string; type: string; config: Record<string, unknown> };
    position: { x: number; y: number };
  };
  id: string;
} {
  const taken = new Set(flow.nodes.map((node) => node.id));
  taken.add('trigger');
  const id = uniqueNodeId(manifest.type, taken);
  return {
    edit: {
      op: 'addNode',
      node: { id, type: manifest.type, config: defaultConfig(manifest.configSchema) },
      position,
    },
    id,
  };
}
