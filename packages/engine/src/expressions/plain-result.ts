/**
 * JSONata returns arrays tagged with internal flags (`sequence`, `keepSingleton`, …). Outputs are
 * stored and compared as plain JSON, so those arrays are copied into plain ones. Objects and arrays
 * without tags are returned as they are (copy on write), so passing a large input through costs a
 * walk, not a copy.
 *
 * @example
 * plainResult(await jsonata('[1, 2]').evaluate({})); // [1, 2] with no extra properties
 */
export function plainResult(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined = isTagged(value) ? value.slice() : undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const plain = plainResult(item);
      if (plain !== item) {
        copy ??= value.slice();
        copy[i] = plain;
      }
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      const plain = plainResult(item);
      if (plain !== item) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[key] = plain;
      }
    }
    return copy ?? value;
  }
  return value;
}

/** The flags JSONata puts on the arrays it builds. */
function isTagged(array: unknown[]): boolean {
  const flags = array as unknown as Record<string, unknown>;
  return (
    flags.sequence !== undefined ||
    flags.keepSingleton !== undefined ||
    flags.outerWrapper !== undefined ||
    flags.tupleStream !== undefined
  );
}
