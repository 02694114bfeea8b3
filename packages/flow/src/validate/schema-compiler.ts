import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Cron } from 'croner';
import { isTimeZone, jsonataSyntaxError } from './expression-checks.js';

// ajv and ajv-formats are CommonJS; under NodeNext their default export sits one level down.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/**
 * The ajv instance that checks flow.json and node configs. It knows the `x-jsonata` keyword, which
 * marks a string as a JSONata expression and reports a syntax error with its position, and the
 * `x-language` annotation the studio reads to pick a code editor, and the `x-templates` annotation
 * naming the shipped texts (e.g. EDI maps) an expression field can start from.
 */
export function createFlowAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-language', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-templates', schemaType: 'object' });
  ajv.addKeyword({
    keyword: 'x-jsonata',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function checkExpression(enabled: boolean, data: string) {
      if (!enabled) return true;
      const problem = jsonataSyntaxError(data);
      if (problem === undefined) return true;
      (checkExpression as unknown as { errors: unknown[] }).errors = [
        { keyword: 'x-jsonata', message: problem, params: { keyword: 'x-jsonata' } },
      ];
      return false;
    },
  });
  ajv.addKeyword({
    keyword: 'x-cron',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function checkCron(enabled: boolean, data: string) {
      if (!enabled) return true;
      try {
        new Cron(data, { paused: true });
        return true;
      } catch (error) {
        const reason = (error as Error).message.replace(/^CronPattern: /, '').replace(/\.$/, '');
        (checkCron as unknown as { errors: unknown[] }).errors = [
          {
            keyword: 'x-cron',
            message: `is not a valid cron expression: ${reason}.`,
            params: { keyword: 'x-cron' },
          },
        ];
        return false;
      }
    },
  });
  ajv.addKeyword({
    keyword: 'x-timezone',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function checkZone(enabled: boolean, data: string) {
      if (!enabled || isTimeZone(data)) return true;
      (checkZone as unknown as { errors: unknown[] }).errors = [
        {
          keyword: 'x-timezone',
          message: `is not a known time zone; use an IANA name such as Europe/Berlin or UTC.`,
          params: { keyword: 'x-timezone' },
        },
      ];
      return false;
    },
  });
  return ajv;
}

/** Compiles each schema object once; manifests are long-lived, so a WeakMap keyed by them suffices. */
export function createSchemaCache(ajv: ReturnType<typeof createFlowAjv>) {
  const cache = new WeakMap<object, ValidateFunction>();
  return (schema: object): ValidateFunction => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      cache.set(schema, validate);
    }
    return validate;
  };
}
