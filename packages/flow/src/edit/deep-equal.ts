import microdiff from 'microdiff';

/**
 * Structural equality of JSON-like values. A key holding `undefined` differs from a missing key,
 * because edits must restore flows exactly; key order does not matter.
 *
 * @example
 * isDeepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); // true
 * isDeepEqual({ a: undefined }, {});                       // false
 */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Edits share untouched elements, so most comparisons end at the identity check.
    return a.length === b.length && a.every((item, i) => item === b[i] || isDeepEqual(item, b[i]));
  }
  return microdiff(a, b).length === 0;
}

/**
 * Whether a value is a plain JSON object (not null, not an array).
 *
 * @example
 * isRecord({}); // true
 * isRecord([]); // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
