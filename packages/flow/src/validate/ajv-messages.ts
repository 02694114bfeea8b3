import type { ErrorObject } from 'ajv';

/**
 * Turns an ajv error into a sentence a person can act on, naming the field:
 * `/retry/maxAttempts must be at most 25.` rather than `must be <= 25`.
 *
 * @example
 * describeAjvError({ instancePath: '/total', keyword: 'type', params: { type: 'string' }, ... });
 * // 'total must be a string.'
 */
export function describeAjvError(error: ErrorObject, root = 'The value'): string {
  const where = error.instancePath ? fieldName(error.instancePath) : root;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing the required field "${String(p.missingProperty)}".`;
    case 'additionalProperties':
      return `${where} has an unknown field "${String(p.additionalProperty)}".`;
    case 'type':
      return `${where} must be ${article(String(p.type))}.`;
    case 'enum':
      return `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const':
      return `${where} must be ${JSON.stringify(p.allowedValue)}.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${where} must be at least ${String(p.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${where} must be at most ${String(p.limit)}.`;
    case 'minLength':
      return p.limit === 1
        ? `${where} must not be empty.`
        : `${where} must be at least ${String(p.limit)} characters long.`;
    case 'maxLength':
      return `${where} must be at most ${String(p.limit)} characters long.`;
    case 'minItems':
      return `${where} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}.`;
    case 'maxItems':
      return `${where} must have at most ${String(p.limit)} items.`;
    case 'uniqueItems':
      return `${where} must not repeat items.`;
    case 'minProperties':
      return `${where} must have at least ${String(p.limit)} field${p.limit === 1 ? '' : 's'}.`;
    case 'pattern':
      return `${where} must match the pattern ${String(p.pattern)}.`;
    case 'format':
      return `${where} must be a valid ${String(p.format)}.`;
    case 'anyOf':
    case 'oneOf':
      return `${where} does not match any of the allowed shapes.`;
    default:
      return `${where} ${(error.message ?? 'is not valid').replace(/\.$/, '')}.`;
  }
}

/** `/lines/0/sku` → `lines/0/sku`, which reads as a field path in messages. */
function fieldName(pointer: string): string {
  return pointer.slice(1).replaceAll('~1', '/').replaceAll('~0', '~');
}

function article(type: string): string {
  if (type.includes(',')) return `one of ${type}`;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Drops the noise ajv produces for a union of constants (one `const` error per option plus the
 * `anyOf`) and keeps a single "must be one of" error instead. Needs ajv's `verbose` option, which
 * puts the failing schema on each error.
 *
 * @example
 * simplifyAjvErrors(validate.errors ?? []).map((e) => describeAjvError(e));
 * // ['method must be one of "POST", "PUT".']
 */
export function simplifyAjvErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter(
    (e) =>
      (e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
      Array.isArray(e.schema) &&
      e.schema.every((branch: unknown) => typeof branch === 'object' && branch !== null && 'const' in branch),
  );
  if (unions.length === 0) return [...errors];
  const result: ErrorObject[] = [];
  for (const error of errors) {
    const union = unions.find(
      (u) =>
        u !== error &&
        error.instancePath === u.instancePath &&
        error.schemaPath.startsWith(`${u.schemaPath}/`),
    );
    if (union) continue;
    if (unions.includes(error)) {
      const allowedValues = (error.schema as Array<{ const: unknown }>).map((branch) => branch.const);
      result.push({ ...error, keyword: 'enum', params: { allowedValues } });
    } else {
      result.push(error);
    }
  }
  return result;
}
