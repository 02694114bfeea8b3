import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './json-schema.js';
import type { SchemaError } from './schema-error.js';
import { interpretSchema, jsonataProblem } from './schema-interpreter.js';

// Both packages are CommonJS; depending on the bundler their default export may sit one level down.
type AjvClass = typeof AjvModule;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule;
type AddFormats = typeof addFormatsModule;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule;

let ajv: InstanceType<AjvClass> | undefined;
/** Set once ajv could not compile (the CSP forbids eval); from then on the interpreter is used. */
let ajvBlocked = false;
const compiled = new WeakMap<object, ValidateFunction>();

function createAjv(): InstanceType<AjvClass> {
  // strict: false, because connectors may carry annotations (x-…) the studio does not know.
  // logger: false, because under the CSP compiling fails by design and is handled, not logged.
  const instance = new Ajv({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    verbose: true,
    logger: false,
  });
  addFormats(instance);
  instance.addKeyword({
    keyword: 'x-jsonata',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function checkExpression(enabled: boolean, data: string) {
      const problem = enabled ? jsonataProblem(data) : undefined;
      if (problem === undefined) return true;
      (checkExpression as unknown as { errors: unknown[] }).errors = [
        { keyword: 'x-jsonata', message: problem, params: { keyword: 'x-jsonata' } },
      ];
      return false;
    },
  });
  return instance;
}

function compile(schema: JsonSchema): ValidateFunction | undefined {
  if (ajvBlocked) return undefined;
  const known = compiled.get(schema);
  if (known) return known;
  try {
    ajv ??= createAjv();
    const validate = ajv.compile(schema);
    compiled.set(schema, validate);
    return validate;
  } catch (error) {
    if (error instanceof EvalError) ajvBlocked = true;
    return undefined;
  }
}

/**
 * Every way `value` breaks `schema`, with ajv where the page may compile code and an
 * interpreting checker where the Content-Security-Policy forbids it.
 *
 * @example
 * validateConfig({ type: 'object', properties: { n: { type: 'integer', maximum: 5 } } }, { n: 9 });
 * // [{ pointer: '/n', keyword: 'maximum', params: { comparison: '<=', limit: 5 }, message: 'must be <= 5' }]
 */
export function validateConfig(schema: JsonSchema, value: unknown): SchemaError[] {
  const validate = compile(schema);
  if (!validate) return interpretSchema(schema, value);
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) => ({
    pointer: e.instancePath,
    keyword: e.keyword,
    params: e.params as Record<string, unknown>,
    ...(e.message ? { message: e.message } : {}),
  }));
}

/**
 * Drops the errors of the branches of a failed union, keeping one error for the union: a
 * "one of" for a union of constants, "matches none of the shapes" for the rest.
 */
function simplify(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const result: ErrorObject[] = [];
  for (const error of errors) {
    if (unions.some((u) => u !== error && error.schemaPath.startsWith(`${u.schemaPath}/`))) continue;
    const branches = error.schema as unknown;
    if (
      unions.includes(error) &&
      Array.isArray(branches) &&
      branches.every((b) => typeof b === 'object' && b !== null && 'const' in b)
    ) {
      const allowedValues = branches.map((b: { const: unknown }) => b.const);
      result.push({ ...error, keyword: 'enum', params: { allowedValues } });
    } else result.push(error);
  }
  return result;
}
