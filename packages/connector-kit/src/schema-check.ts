import type { Static, TSchema } from '@sinclair/typebox';
import { Value, type ValueError, ValueErrorType } from '@sinclair/typebox/value';
import { userError } from './errors.js';
import { registerCommonFormats } from './string-formats.js';

/**
 * Applies the schema's defaults to a copy of `value` and checks it, so operations see exactly what
 * the canvas form promised. A mismatch is a user error whose sentence names the offending field,
 * because the fix is always in the flow (its config or the data the previous node produced).
 *
 * @example
 * const config = checkValue(Type.Object({ url: Type.String() }), {}, { subject: 'config', code: 'INVALID_CONFIG' });
 * // throws WaybillError: The config is missing the required field "url".
 */
export function checkValue<T extends TSchema>(
  schema: T,
  value: unknown,
  options: { subject: string; code: string; nodeId?: string },
): Static<T> {
  registerCommonFormats();
  const withDefaults = value === undefined ? value : Value.Default(schema, Value.Clone(value));
  if (Value.Check(schema, withDefaults)) return withDefaults;
  const first = Value.Errors(schema, withDefaults).First();
  const sentence = first
    ? describeValueError(first, options.subject)
    : `The ${options.subject} is not valid.`;
  throw userError({
    code: options.code,
    message: options.nodeId ? `Node "${options.nodeId}": ${sentence}` : sentence,
    details: first ? { path: first.path, problem: first.message } : undefined,
  });
}

/**
 * Turns a TypeBox value error into a sentence naming the field, e.g.
 * `The config field "method" must be one of "GET", "POST".`
 *
 * @example
 * describeValueError(Value.Errors(Type.Object({ n: Type.Integer() }), { n: 'x' }).First()!, 'input');
 * // 'The input field "n" must be a whole number.'
 */
export function describeValueError(error: ValueError, subject: string): string {
  const field = error.path.replace(/^\//, '').replaceAll('~1', '/').replaceAll('~0', '~');
  const where = field ? `The ${subject} field "${field}"` : `The ${subject}`;
  const schema = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty: {
      const cut = field.lastIndexOf('/');
      const parent = cut < 0 ? `The ${subject}` : `The ${subject} field "${field.slice(0, cut)}"`;
      return `${parent} is missing the required field "${field.slice(cut + 1)}".`;
    }
    case ValueErrorType.ObjectAdditionalProperties:
      return `The ${subject} has an unknown field "${field}".`;
    case ValueErrorType.Union: {
      const options = Array.isArray(schema.anyOf) ? (schema.anyOf as Record<string, unknown>[]) : [];
      if (options.length > 0 && options.every((option) => 'const' in option)) {
        return `${where} must be one of ${options.map((option) => JSON.stringify(option.const)).join(', ')}.`;
      }
      return `${where} does not match any of the allowed shapes.`;
    }
    case ValueErrorType.Literal:
      return `${where} must be ${JSON.stringify(schema.const)}.`;
    case ValueErrorType.String:
      return `${where} must be a string.`;
    case ValueErrorType.Number:
      return `${where} must be a number.`;
    case ValueErrorType.Integer:
      return `${where} must be a whole number.`;
    case ValueErrorType.Boolean:
      return `${where} must be true or false.`;
    case ValueErrorType.Object:
      return `${where} must be an object.`;
    case ValueErrorType.Array:
      return `${where} must be a list.`;
    case ValueErrorType.Null:
      return `${where} must be null.`;
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1
        ? `${where} must not be empty.`
        : `${where} must be at least ${String(schema.minLength)} characters long.`;
    case ValueErrorType.StringMaxLength:
      return `${where} must be at most ${String(schema.maxLength)} characters long.`;
    case ValueErrorType.StringPattern:
      return `${where} must match the pattern ${String(schema.pattern)}.`;
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringFormatUnknown:
      return `${where} must be a valid ${String(schema.format)}.`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `${where} must be at least ${String(schema.minimum)}.`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `${where} must be at most ${String(schema.maximum)}.`;
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMinimum:
      return `${where} must be greater than ${String(schema.exclusiveMinimum)}.`;
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerExclusiveMaximum:
      return `${where} must be less than ${String(schema.exclusiveMaximum)}.`;
    case ValueErrorType.ArrayMinItems:
      return `${where} must have at least ${String(schema.minItems)} item${schema.minItems === 1 ? '' : 's'}.`;
    case ValueErrorType.ArrayMaxItems:
      return `${where} must have at most ${String(schema.maxItems)} items.`;
    default:
      return `${where} is not valid: ${lowerFirst(error.message)}.`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
