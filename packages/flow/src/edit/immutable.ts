/** Copy-on-write helpers: edits never mutate their input and share everything they do not change. */

/**
 * A copy of `list` with `item` inserted at `index`.
 *
 * @example
 * insertAt(['a', 'c'], 1, 'b'); // ['a', 'b', 'c']
 */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  return [...list.slice(0, index), item, ...list.slice(index)];
}

/**
 * A copy of `list` with the item at `index` replaced.
 *
 * @example
 * replaceAt(['a', 'x'], 1, 'b'); // ['a', 'b']
 */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

/**
 * A copy of `obj` with `key` set to `value`, or without `key` when `value` is undefined.
 * The key is defined as an own property, so even `__proto__` cannot reach the prototype.
 *
 * @example
 * withKey({ a: 1, b: 2 }, 'b', undefined); // { a: 1 }
 */
export function withKey<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

/**
 * The value of an own property of a record; inherited members such as `constructor` do not count.
 *
 * @example
 * ownValue({}, 'constructor'); // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
