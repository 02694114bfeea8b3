// Helpers for this package's tests only (not exported from the index): ajv is a dev dependency.
import AjvModule, { type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/**
 * An ajv in strict mode with formats and no other options, so a schema that passes here passes in
 * any stricter setup.
 *
 * @example
 * strictAjv().compile(CanonicalOrderSchema);
 */
export function strictAjv() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/**
 * The errors a schema reports for a value, reduced to what a test asserts on.
 *
 * @example
 * errorsOf(CanonicalOrderSchema, {}); // [{ instancePath: '', keyword: 'required', params: { missingProperty: 'number' } }, …]
 */
export function errorsOf(
  schema: object,
  value: unknown,
): Pick<ErrorObject, 'instancePath' | 'keyword' | 'params'>[] {
  const validate = strictAjv().compile(schema);
  validate(value);
  return (validate.errors ?? []).map(({ instancePath, keyword, params }) => ({
    instancePath,
    keyword,
    params,
  }));
}

/**
 * Marks a member `changed` removes.
 *
 * @example
 * changed(sampleProduct, { '/sku': REMOVE });
 */
export const REMOVE = Symbol('remove');

/**
 * A deep copy of `value` with the members at the given JSON pointers replaced, or removed for
 * REMOVE; samples are frozen, and invalid values do not fit their static types anyway.
 *
 * @example
 * changed(sampleShopifyOrder, { '/currency': 'eur', '/lines/0/sku': REMOVE });
 */
export function changed(value: unknown, edits: Record<string, unknown>): unknown {
  const copy: unknown = structuredClone(value);
  for (const [pointer, replacement] of Object.entries(edits)) {
    const keys = pointer.split('/').slice(1);
    const last = keys.pop();
    if (last === undefined) throw new Error('changed() cannot replace the root.');
    let parent = copy as Record<string, unknown>;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (replacement === REMOVE) delete parent[last];
    else parent[last] = replacement;
  }
  return copy;
}
