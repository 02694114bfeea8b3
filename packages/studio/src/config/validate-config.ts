import type { JsonSchema } from './json-schema.js';
import { productKeywordErrors } from './product-keywords.js';
import { checkSchema } from './schema-check.js';
import type { SchemaError } from './schema-error.js';

/**
 * Every way `value` breaks `schema`: the JSON Schema keywords (checked by @cfworker/json-schema,
 * which needs no eval) and Waybill's own (`x-jsonata`, `x-timezone`).
 *
 * @example
 * validateConfig({ type: 'object', properties: { n: { type: 'integer', maximum: 5 } } }, { n: 9 });
 * // [{ pointer: '/n', keyword: 'maximum', params: { limit: 5 } }]
 */
export function validateConfig(schema: JsonSchema, value: unknown): SchemaError[] {
  return [...checkSchema(schema, value), ...productKeywordErrors(schema, value)];
}
