/**
 * One way a config breaks its schema, in the shape of an ajv error reduced to what the form needs:
 * where (a JSON pointer inside the config), which keyword failed, and that keyword's parameters.
 */
export interface SchemaError {
  pointer: string;
  keyword: string;
  params: Record<string, unknown>;
  /** The validator's own wording, used for keywords this module has no sentence for. */
  message?: string;
}

const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * A short sentence for an error shown under its field (so the field is not named again).
 *
 * @example
 * describeSchemaError({ pointer: '/url', keyword: 'minLength', params: { limit: 1 } }); // 'Must not be empty.'
 */
export function describeSchemaError(error: SchemaError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return 'Required.';
    case 'additionalProperties':
      return `Has the unknown field "${String(p.additionalProperty)}".`;
    case 'type':
      return `Must be ${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${String(p.type)}.`;
    case 'enum':
      return `Must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const':
      return `Must be ${JSON.stringify(p.allowedValue)}.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `Must be at least ${String(p.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `Must be at most ${String(p.limit)}.`;
    case 'minLength':
      return p.limit === 1 ? 'Must not be empty.' : `Must be at least ${plural(p.limit, 'character')} long.`;
    case 'maxLength':
      return `Must be at most ${plural(p.limit, 'character')} long.`;
    case 'minItems':
      return `Must have at least ${plural(p.limit, 'item')}.`;
    case 'maxItems':
      return `Must have at most ${plural(p.limit, 'item')}.`;
    case 'uniqueItems':
      return 'Must not repeat items.';
    case 'minProperties':
      return `Must have at least ${plural(p.limit, 'field')}.`;
    case 'pattern':
      return `Must match the pattern ${String(p.pattern)}.`;
    case 'format':
      return `Must be a valid ${String(p.format)}.`;
    case 'anyOf':
    case 'oneOf':
      return 'Does not match any of the allowed shapes.';
    default: {
      const text = (error.message ?? 'is not valid').replace(/\.$/, '');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }
  }
}

/**
 * The pointer of the field an error belongs under. A missing required property belongs to that
 * property's field, not to the object holding it.
 *
 * @example
 * errorFieldPointer({ pointer: '/cases/0', keyword: 'required', params: { missingProperty: 'port' } });
 * // '/cases/0/port'
 */
export function errorFieldPointer(error: SchemaError): string {
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
    const segment = error.params.missingProperty.replaceAll('~', '~0').replaceAll('/', '~1');
    return `${error.pointer}/${segment}`;
  }
  return error.pointer;
}
