import type { JsonSchema } from '@waybill/flow';

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
 * A starting config for a node type: every property with a default gets it, and every required
 * property without one gets an empty value of its type, so the config form has each field to fill.
 *
 * @example
 * defaultConfig({ type: 'object', required: ['expression'], properties: { expression: { type: 'string' } } });
 * // { expression: '' }
 */
export function defaultConfig(schema: JsonSchema | undefined): Record<string, unknown> {
  const value = defaultValue(schema, true);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function defaultValue(schema: JsonSchema | undefined, required: boolean): unknown {
  if (!schema || typeof schema !== 'object') return undefined;
  if ('default' in schema) return structuredClone(schema.default);
  if ('const' in schema) return schema.const;
  if (!required) return undefined;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || (type === undefined && isObject(schema.properties))) {
    const out: Record<string, unknown> = {};
    const requiredKeys = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [key, property] of Object.entries(properties)) {
      const child = defaultValue(property as JsonSchema, requiredKeys.has(key));
      if (child !== undefined) out[key] = child;
    }
    return out;
  }
  if (type === 'array') {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    // One blank entry when the schema demands at least one: a branch starts with one case to fill.
    return min > 0 ? [defaultValue(schema.items as JsonSchema, true) ?? null] : [];
  }
  if (type === 'string') return Array.isArray(schema.enum) ? schema.enum[0] : '';
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return false;
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union) && union[0]) return defaultValue(union[0], true);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
