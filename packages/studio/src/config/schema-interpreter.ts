import jsonata from 'jsonata';
import { isRecord, type JsonSchema } from './json-schema.js';
import type { SchemaError } from './schema-error.js';

/**
 * A JSON Schema checker that interprets the schema instead of compiling it to code. ajv compiles
 * with `new Function`, which the server's Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-eval') forbids in the browser; this covers the keywords manifests use so inline
 * validation still works there. Unknown keywords (and `$ref`) are ignored: the server checks again.
 *
 * @example
 * interpretSchema({ type: 'object', required: ['url'] }, {});
 * // [{ pointer: '', keyword: 'required', params: { missingProperty: 'url' } }]
 */
export function interpretSchema(schema: JsonSchema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  check(schema, value, '', errors);
  return errors;
}

const segment = (key: string | number) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isRecord(value);
    default:
      return typeOf(value) === type;
  }
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function check(schema: JsonSchema, value: unknown, pointer: string, errors: SchemaError[]): void {
  const fail = (keyword: string, params: Record<string, unknown> = {}, message?: string) =>
    errors.push({ pointer, keyword, params, ...(message ? { message } : {}) });

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type)];
    // Like ajv, the keywords of each JSON type still apply below (minimum to 0.5 for an integer).
    if (!types.some((t) => hasType(value, t))) fail('type', { type: types.join(',') });
  }
  if ('const' in schema && !equal(value, schema.const)) fail('const', { allowedValue: schema.const });
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => equal(v, value))) {
    fail('enum', { allowedValues: schema.enum });
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const passing = branches.filter((b) => isRecord(b) && interpretSchema(b, value).length === 0).length;
    if (passing > 0 && (keyword === 'anyOf' || passing === 1)) continue;
    // A union of constants reads best as "one of …", as simplifyAjvErrors does on the server.
    if (branches.every((b) => isRecord(b) && 'const' in b)) {
      fail('enum', { allowedValues: branches.map((b) => (b as JsonSchema).const) });
    } else fail(keyword);
  }
  if (Array.isArray(schema.allOf))
    for (const b of schema.allOf) if (isRecord(b)) check(b, value, pointer, errors);

  if (typeof value === 'string') checkString(schema, value, fail);
  if (typeof value === 'number') checkNumber(schema, value, fail);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      fail('minItems', { limit: schema.minItems });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      fail('maxItems', { limit: schema.maxItems });
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size < value.length) {
      fail('uniqueItems');
    }
    const items = schema.items;
    if (isRecord(items))
      for (const [i, item] of value.entries()) check(items, item, pointer + segment(i), errors);
  }
  if (isRecord(value)) checkObject(schema, value, pointer, errors, fail);
}

type Fail = (keyword: string, params?: Record<string, unknown>, message?: string) => void;

function checkString(schema: JsonSchema, value: string, fail: Fail): void {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength)
    fail('minLength', { limit: schema.minLength });
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    fail('maxLength', { limit: schema.maxLength });
  if (typeof schema.pattern === 'string') {
    try {
      if (!new RegExp(schema.pattern, 'u').test(value)) fail('pattern', { pattern: schema.pattern });
    } catch {
      // A pattern this browser cannot read is the server's to judge.
    }
  }
  if (schema['x-jsonata'] === true) {
    const problem = jsonataProblem(value);
    if (problem) fail('x-jsonata', {}, problem);
  }
  if (schema['x-timezone'] === true && !isTimeZone(value)) {
    fail('x-timezone', {}, 'is not a known time zone; use an IANA name such as Europe/Berlin or UTC');
  }
}

function checkNumber(schema: JsonSchema, value: number, fail: Fail): void {
  if (typeof schema.minimum === 'number' && value < schema.minimum)
    fail('minimum', { limit: schema.minimum });
  if (typeof schema.maximum === 'number' && value > schema.maximum)
    fail('maximum', { limit: schema.maximum });
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
    fail('exclusiveMinimum', { limit: schema.exclusiveMinimum });
  }
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) {
    fail('exclusiveMaximum', { limit: schema.exclusiveMaximum });
  }
  if (typeof schema.multipleOf === 'number' && !Number.isInteger(value / schema.multipleOf)) {
    fail('multipleOf', { multipleOf: schema.multipleOf }, `must be a multiple of ${schema.multipleOf}`);
  }
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  pointer: string,
  errors: SchemaError[],
  fail: Fail,
): void {
  const keys = Object.keys(value);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
    fail('minProperties', { limit: schema.minProperties });
  }
  if (Array.isArray(schema.required)) {
    for (const key of schema.required as string[])
      if (!(key in value)) fail('required', { missingProperty: key });
  }
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const patterns = isRecord(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  for (const key of keys) {
    let matched = false;
    const property = properties[key];
    if (isRecord(property)) {
      matched = true;
      check(property, value[key], pointer + segment(key), errors);
    }
    for (const [pattern, sub] of patterns) {
      if (isRecord(sub) && new RegExp(pattern, 'u').test(key)) {
        matched = true;
        check(sub, value[key], pointer + segment(key), errors);
      }
    }
    if (matched) continue;
    if (schema.additionalProperties === false) fail('additionalProperties', { additionalProperty: key });
    else if (isRecord(schema.additionalProperties)) {
      check(schema.additionalProperties, value[key], pointer + segment(key), errors);
    }
  }
}

/**
 * The syntax error of a JSONata expression in the server's words, or undefined when it parses.
 *
 * @example
 * jsonataProblem('a +'); // 'is not valid JSONata: … (at character 3)'
 */
export function jsonataProblem(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    const e = error as { message?: string; position?: number };
    const at = typeof e.position === 'number' ? ` (at character ${e.position})` : '';
    return `is not valid JSONata: ${e.message ?? 'syntax error'}${at}`;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
