import { userError } from '@waybill/connector-kit';
import { describeAjvError, simplifyAjvErrors } from '@waybill/flow';
import AjvModule, { type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

export interface SchemaViolation {
  /** JSON pointer to the offending value. */
  path: string;
  message: string;
}

export type SchemaCheck = (data: unknown) => SchemaViolation[];

/**
 * Compiles JSON Schemas for the validate node and for node input/output checks. Each schema text is
 * compiled once and shared; `$ref` may name any schema registered at creation (e.g. canonical
 * entities).
 *
 * @example
 * const checker = createSchemaChecker([]);
 * checker.compile({ type: 'object', required: ['sku'] })({}); // [{ path: '', message: 'The value is missing … "sku".' }]
 */
export function createSchemaChecker(registered: readonly AnySchema[] = [], capacity = 1000) {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  for (const schema of registered) ajv.addSchema(schema);
  const cache = new Map<string, SchemaCheck>();

  return {
    /** Throws a user error naming `where` when the schema itself cannot be compiled. */
    compile(schema: object, where = 'schema'): SchemaCheck {
      const key = JSON.stringify(schema);
      const hit = cache.get(key);
      if (hit) return hit;
      let validate: ValidateFunction;
      try {
        validate = ajv.compile(schema);
      } catch (error) {
        throw userError({
          code: 'SCHEMA_INVALID',
          message: `The JSON Schema in ${where} cannot be used: ${(error as Error).message.replace(/\.$/, '')}.`,
        });
      }
      const check: SchemaCheck = (data) =>
        validate(data)
          ? []
          : simplifyAjvErrors(validate.errors ?? []).map((error) => ({
              path: error.instancePath,
              message: describeAjvError(error),
            }));
      cache.set(key, check);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return check;
    },
  };
}

export type SchemaChecker = ReturnType<typeof createSchemaChecker>;
