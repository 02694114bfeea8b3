import AjvModule, { type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../json-schema.js';
import { jsonataProblem } from '../product-keywords.js';
import type { SchemaError } from '../schema-error.js';

// Both packages are CommonJS; depending on the bundler their default export may sit one level down.
type AjvClass = typeof AjvModule;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule;
type AddFormats = typeof addFormatsModule;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule;

let ajv: InstanceType<AjvClass> | undefined;

function createAjv(): InstanceType<AjvClass> {
  // strict: false, because connectors may carry annotations (x-…) the studio does not know.
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

/**
 * What ajv reports for a config, normalised like the studio's errors: the reference the browser
 * validator (which cannot use ajv under the CSP) is tested against, in Node where ajv may compile.
 *
 * @example
 * ajvReference({ type: 'object', required: ['url'] }, {}); // [{ pointer: '', keyword: 'required', ... }]
 */
export function ajvReference(schema: JsonSchema, value: unknown): SchemaError[] {
  ajv ??= createAjv();
  const validate = ajv.compile(schema);
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
