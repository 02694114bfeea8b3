import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';
import type { JsonSchema } from './json-schema.js';
import type { SchemaError } from './schema-error.js';

/**
 * JSON Schema validation in the browser with @cfworker/json-schema, which interprets schemas:
 * ajv compiles them with `new Function`, which the studio's Content-Security-Policy forbids. Its
 * output units are reduced to the errors ajv would report (pointer, keyword and the keyword's
 * parameters), so one set of sentences (schema-error.ts) serves both.
 *
 * @example
 * checkSchema({ type: 'object', required: ['url'] }, {});
 * // [{ pointer: '', keyword: 'required', params: { missingProperty: 'url' } }]
 */
export function checkSchema(schema: JsonSchema, value: unknown): SchemaError[] {
  const units = validatorFor(schema).validate(value).errors;
  const unions = units.filter((u) => u.keyword === 'anyOf' || u.keyword === 'oneOf');
  const errors: SchemaError[] = [];
  for (const unit of units) {
    // A failed union's branches each fail too; the union speaks for them.
    if (unions.some((u) => u !== unit && unit.keywordLocation.startsWith(`${u.keywordLocation}/`))) continue;
    const error = toError(schema, unit);
    if (error) errors.push(error);
  }
  return errors;
}

const validators = new WeakMap<object, Validator>();
function validatorFor(schema: JsonSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(schema as Schema, '2020-12', false);
    validators.set(schema, validator);
  }
  return validator;
}

// Units that only say "something below failed"; the unit below is the one to show.
const WRAPPERS = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalProperties',
  'allOf',
  '$ref',
  'contains',
]);
const LIMITS = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]);

function toError(root: JsonSchema, unit: OutputUnit): SchemaError | undefined {
  const pointer = unit.instanceLocation.replace(/^#/, '');
  const at = resolve(root, unit.keywordLocation);
  const keyword = unit.keyword;
  if (keyword === 'false') {
    // additionalProperties: false reports each extra property as a false schema at its place.
    const cut = pointer.lastIndexOf('/');
    return {
      pointer: pointer.slice(0, cut),
      keyword: 'additionalProperties',
      params: { additionalProperty: decode(pointer.slice(cut + 1)) },
    };
  }
  if (WRAPPERS.has(keyword)) return undefined;
  if (keyword === 'required') {
    const missing = /required property "(.*)"/.exec(unit.error)?.[1] ?? '';
    return { pointer, keyword, params: { missingProperty: missing } };
  }
  if (keyword === 'type') {
    return { pointer, keyword, params: { type: Array.isArray(at) ? at.join(',') : String(at) } };
  }
  if (keyword === 'enum') return { pointer, keyword, params: { allowedValues: at } };
  if (keyword === 'const') return { pointer, keyword, params: { allowedValue: at } };
  if (LIMITS.has(keyword)) return { pointer, keyword, params: { limit: at } };
  if (keyword === 'pattern') return { pointer, keyword, params: { pattern: at } };
  if (keyword === 'format') return { pointer, keyword, params: { format: at } };
  if ((keyword === 'anyOf' || keyword === 'oneOf') && Array.isArray(at)) {
    const constants = at.every(
      (branch) => typeof branch === 'object' && branch !== null && 'const' in branch,
    );
    return constants
      ? {
          pointer,
          keyword: 'enum',
          params: { allowedValues: at.map((branch: { const: unknown }) => branch.const) },
        }
      : { pointer, keyword, params: {} };
  }
  return { pointer, keyword, params: {}, message: unit.error };
}

/** The schema value a keyword location ('#/properties/url/pattern') points at. */
function resolve(root: JsonSchema, location: string): unknown {
  let node: unknown = root;
  for (const part of location.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decode(part)];
  }
  return node;
}

function decode(segment: string): string {
  return decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
}
