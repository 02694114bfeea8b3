import { isTimeZone, jsonataSyntaxError } from '@waybill/flow';
import { isRecord, type JsonSchema } from './json-schema.js';
import type { SchemaError } from './schema-error.js';

/**
 * The keywords of Waybill's own that a general validator skips: `x-jsonata` (the string must parse
 * as JSONata) and `x-timezone` (an IANA zone), checked wherever they appear in the config.
 *
 * @example
 * productKeywordErrors({ type: 'object', properties: { e: { type: 'string', 'x-jsonata': true } } }, { e: 'a +' });
 * // [{ pointer: '/e', keyword: 'x-jsonata', params: {}, message: 'is not valid JSONata: … (at character 3)' }]
 */
export function productKeywordErrors(schema: JsonSchema, value: unknown, pointer = ''): SchemaError[] {
  const errors: SchemaError[] = [];
  if (typeof value === 'string') {
    if (schema['x-jsonata'] === true) {
      const problem = jsonataProblem(value);
      if (problem) errors.push({ pointer, keyword: 'x-jsonata', params: {}, message: problem });
    }
    if (schema['x-timezone'] === true && !isTimeZone(value)) {
      errors.push({
        pointer,
        keyword: 'x-timezone',
        params: {},
        message: 'is not a known time zone; use an IANA name such as Europe/Berlin or UTC',
      });
    }
  }
  if (isRecord(value) && isRecord(schema.properties)) {
    for (const [key, property] of Object.entries(schema.properties)) {
      if (key in value && isRecord(property)) {
        errors.push(...productKeywordErrors(property, value[key], `${pointer}/${pointerSegment(key)}`));
      }
    }
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    const items = schema.items;
    value.forEach((item, index) => {
      errors.push(...productKeywordErrors(items, item, `${pointer}/${index}`));
    });
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    // A string in a union is checked by the first branch that is a string with these keywords.
    const marked = branches.find((b) => isRecord(b) && (b['x-jsonata'] === true || b['x-timezone'] === true));
    if (isRecord(marked) && typeof value === 'string')
      errors.push(...productKeywordErrors(marked, value, pointer));
  }
  return errors;
}

const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The syntax error of a JSONata expression in the server's words, or undefined when it parses.
 *
 * @example
 * jsonataProblem('a +'); // 'is not valid JSONata: … (at character 3)'
 */
export function jsonataProblem(expression: string): string | undefined {
  return jsonataSyntaxError(expression)?.replace(/\.$/, '');
}
