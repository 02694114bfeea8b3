// Samples are shared by every connector test in a process: a test that edited one in place would
// change what the next test sees, so they are frozen and variants start from structuredClone().

/**
 * Freezes a value and everything it holds, returning it unchanged in type.
 *
 * @example
 * const sample = deepFreeze({ lines: [{ sku: 'A' }] });
 * sample.lines[0]!.sku = 'B'; // throws a TypeError in strict mode
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
