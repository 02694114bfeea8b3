/**
 * Reading manifest config schemas (plain JSON Schema, as TypeBox emits it) into the few shapes the
 * form knows how to edit. Anything it cannot edit field by field becomes a JSON field, so no
 * schema is ever uneditable.
 */

export type JsonSchema = Record<string, unknown>;

export type FieldShape =
  | { kind: 'enum'; options: unknown[] }
  | { kind: 'string'; jsonata: boolean; language: string | undefined; multiline: boolean }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'object'; properties: Record<string, JsonSchema>; required: string[] }
  | { kind: 'array'; items: JsonSchema }
  | { kind: 'map'; values: JsonSchema }
  | { kind: 'json' };

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True for plain objects (not arrays, not null).
 *
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]);      // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return isSchema(value);
}

/** The `type` of a schema with `null` dropped, so `["string", "null"]` reads as a string. */
function mainType(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  return undefined;
}

/**
 * The allowed values of an enum-like schema (`enum`, a `const`, or a union of consts), else undefined.
 *
 * @example
 * enumOptions({ anyOf: [{ const: 'GET' }, { const: 'POST' }] }); // ['GET', 'POST']
 */
export function enumOptions(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union) && union.length > 0 && union.every((b) => isSchema(b) && 'const' in b)) {
    return union.map((b) => (b as JsonSchema).const);
  }
  return undefined;
}

/** A union of one schema and `null` edits as that schema; null stays reachable through raw JSON. */
function withoutNull(schema: JsonSchema): JsonSchema {
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (!Array.isArray(union)) return schema;
  const rest = union.filter((b) => !(isSchema(b) && b.type === 'null'));
  if (rest.length === 1 && rest.length < union.length && isSchema(rest[0])) {
    const { anyOf: _a, oneOf: _o, ...outer } = schema;
    return { ...outer, ...rest[0] };
  }
  return schema;
}

/** The single value schema of a record (`patternProperties` or `additionalProperties`), if any. */
function mapValues(schema: JsonSchema): JsonSchema | undefined {
  if (isSchema(schema.properties) && Object.keys(schema.properties).length > 0) return undefined;
  const patterns = isSchema(schema.patternProperties) ? Object.values(schema.patternProperties) : [];
  if (patterns.length === 1 && isSchema(patterns[0])) return patterns[0];
  if (patterns.length === 0 && isSchema(schema.additionalProperties)) return schema.additionalProperties;
  return undefined;
}

/**
 * How the form edits a value of this schema.
 *
 * @example
 * fieldShape({ type: 'string', 'x-jsonata': true }); // { kind: 'string', jsonata: true, ... }
 * fieldShape({ type: 'object', patternProperties: { '^(.*)$': { type: 'string' } } }); // { kind: 'map', ... }
 */
export function fieldShape(input: JsonSchema): FieldShape {
  const schema = withoutNull(input);
  const options = enumOptions(schema);
  if (options) return { kind: 'enum', options };
  switch (mainType(schema)) {
    case 'string': {
      const language = typeof schema['x-language'] === 'string' ? schema['x-language'] : undefined;
      const long = typeof schema.maxLength === 'number' && schema.maxLength > 200;
      const jsonata = schema['x-jsonata'] === true;
      return { kind: 'string', jsonata, language, multiline: !jsonata && (language !== undefined || long) };
    }
    case 'integer':
      return { kind: 'number', integer: true };
    case 'number':
      return { kind: 'number', integer: false };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array': {
      const items = schema.items;
      if (!isSchema(items)) return { kind: 'json' };
      const inner = fieldShape(items).kind;
      return inner === 'json' || inner === 'array' || inner === 'map'
        ? { kind: 'json' }
        : { kind: 'array', items };
    }
    case 'object': {
      const values = mapValues(schema);
      if (values) return fieldShape(values).kind === 'string' ? { kind: 'map', values } : { kind: 'json' };
      if (!isSchema(schema.properties)) return { kind: 'json' };
      const properties: Record<string, JsonSchema> = {};
      for (const [key, value] of Object.entries(schema.properties))
        if (isSchema(value)) properties[key] = value;
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      return { kind: 'object', properties, required };
    }
    default:
      return { kind: 'json' };
  }
}

/**
 * Escapes one JSON pointer segment and appends it (RFC 6901).
 *
 * @example
 * childPointer('/headers', 'a/b'); // '/headers/a~1b'
 */
export function childPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * The label of a field: the schema's title, else its property name.
 *
 * @example
 * fieldLabel('timeoutMs', { title: 'Timeout (ms)' }); // 'Timeout (ms)'
 */
export function fieldLabel(name: string, schema: JsonSchema): string {
  return typeof schema.title === 'string' && schema.title ? schema.title : name;
}

/**
 * The `x-templates` annotation of an expression field: the texts it can start from, and which
 * sibling field names the one to use (its `default` when the sibling is absent).
 */
export interface FieldTemplates {
  field: string;
  default: string | undefined;
  options: Record<string, string>;
}

/**
 * The templates a field's schema offers, or undefined when it has none (or a malformed annotation,
 * which is ignored rather than breaking the form). A nullable field's annotation may sit on its
 * string branch.
 *
 * @example
 * fieldTemplates({ type: 'string', 'x-templates': { field: 'map', default: 'a', options: { a: '$' } } });
 * // { field: 'map', default: 'a', options: { a: '$' } }
 */
export function fieldTemplates(schema: JsonSchema): FieldTemplates | undefined {
  const annotation = schema['x-templates'];
  if (!isSchema(annotation)) {
    const union = (schema.anyOf ?? schema.oneOf) as unknown;
    if (!Array.isArray(union)) return undefined;
    for (const branch of union) {
      const found = isSchema(branch) ? fieldTemplates(branch) : undefined;
      if (found) return found;
    }
    return undefined;
  }
  const { field, options } = annotation;
  if (typeof field !== 'string' || !isSchema(options)) return undefined;
  const texts: Record<string, string> = {};
  for (const [id, text] of Object.entries(options)) if (typeof text === 'string') texts[id] = text;
  const fallback = typeof annotation.default === 'string' ? annotation.default : undefined;
  return { field, default: fallback, options: texts };
}

/**
 * The template a field starts from given its siblings' values: the option named by the sibling
 * field, else the default; undefined when that names no option.
 *
 * @example
 * templateFor({ field: 'map', default: 'a', options: { a: '$a', b: '$b' } }, { map: 'b' }); // { id: 'b', text: '$b' }
 * templateFor({ field: 'map', default: 'a', options: { a: '$a', b: '$b' } }, {});          // { id: 'a', text: '$a' }
 */
export function templateFor(
  templates: FieldTemplates,
  siblings: Record<string, unknown> | undefined,
): { id: string; text: string } | undefined {
  const chosen = siblings?.[templates.field];
  const id = typeof chosen === 'string' && chosen !== '' ? chosen : templates.default;
  if (id === undefined || !Object.hasOwn(templates.options, id)) return undefined;
  const text = templates.options[id];
  return text === undefined ? undefined : { id, text };
}
