import type { TSchema } from '@sinclair/typebox';
import { describeAjvError, simplifyAjvErrors } from '@waybill/flow';
import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ApiError } from './api-error.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

// Query strings and path params arrive as strings: coerce them to the declared types.
const coercing = addFormats(
  new Ajv({ allErrors: true, coerceTypes: 'array', useDefaults: true, verbose: true, strict: false }),
);
const exact = addFormats(new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: false }));

export type PartName = 'params' | 'query' | 'body';

/**
 * A validator for one part of a request, compiled once when the route is registered. A bad value
 * is a 400 naming the field: `The body field "definition/nodes" must be an array.`
 */
export function compilePart(schema: TSchema, part: PartName): (value: unknown) => unknown {
  const validate: ValidateFunction = (part === 'body' ? exact : coercing).compile(schema);
  return (value) => {
    if (validate(value)) return value;
    const [first, ...rest] = simplifyAjvErrors(validate.errors ?? []);
    if (!first) return value;
    const label = part === 'params' ? 'path' : part;
    const field = first.instancePath.slice(1).replaceAll('~1', '/').replaceAll('~0', '~');
    const root = field ? `The ${label} field "${field}"` : `The ${label}`;
    const sentence = describeAjvError({ ...first, instancePath: '' }, root);
    const more = rest.length > 0 ? ` (${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    throw new ApiError(400, `INVALID_${part.toUpperCase()}`, `${sentence.replace(/\.$/, '')}${more}.`, {
      pointer: `/${part}${first.instancePath}`,
    });
  };
}
