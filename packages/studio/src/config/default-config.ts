import { enumOptions, isRecord, type JsonSchema } from './json-schema.js';

/**
 * The config a new node or trigger starts with: every property with a `default`, and a placeholder
 * for each required property without one, so the form shows every field it must fill in.
 * Optional properties without a default are left out: absent means "use the engine's behaviour".
 *
 * @example
 * defaultConfig({
 *   type: 'object', required: ['url'],
 *   properties: { url: { type: 'string' }, method: { default: 'POST', anyOf: [{ const: 'GET' }, { const: 'POST' }] } },
 * }); // { url: '', method: 'POST' }
 */
export function defaultConfig(schema: JsonSchema | undefined): Record<string, unknown> {
  return schema ? objectDefault(schema) : {};
}

/**
 * A new value for one schema, as "Add" in an array creates it: its default, else a placeholder.
 *
 * @example
 * defaultValue({ type: 'object', required: ['port'], properties: { port: { type: 'string' } } }); // { port: '' }
 */
export function defaultValue(schema: JsonSchema): unknown {
  return placeholder(schema);
}

function objectDefault(schema: JsonSchema): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const result: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (!isRecord(property)) continue;
    if ('default' in property) result[key] = structuredClone(property.default);
    else if (required.has(key)) result[key] = placeholder(property);
  }
  return result;
}

/** A value of the schema's type that a person replaces: empty, zero, false, the first option. */
function placeholder(schema: JsonSchema): unknown {
  if ('default' in schema) return structuredClone(schema.default);
  const options = enumOptions(schema);
  if (options) return structuredClone(options[0]);
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) {
    const first = union.find((b) => isRecord(b) && b.type !== 'null');
    return isRecord(first) ? placeholder(first) : null;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = isRecord(schema.items) ? schema.items : {};
      return Array.from({ length: count }, () => placeholder(items));
    }
    case 'object':
      return objectDefault(schema);
    default:
      return null;
  }
}
