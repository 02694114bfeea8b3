import microdiff, { type Difference } from 'microdiff';
import { formatPointer } from '../edit/json-pointer.js';
import type { ValueChange } from './flow-diff.js';

type Path = readonly (string | number)[];

/**
 * The differences between two JSON values as JSON-pointer changes under `base`.
 *
 * Arrays are compared index by index (microdiff): changing the second of three cases gives paths under
 * '/config/cases/1', and removing it reports the shifted items as changed and the last as removed. That is
 * exact and small for the common edits (a value changed, an item appended), at the price of a noisier
 * report when an item is inserted at the front.
 *
 * @example
 * diffValues({ retry: { maxAttempts: 3 } }, { retry: { maxAttempts: 5 } });
 * // [{ path: '/retry/maxAttempts', before: 3, after: 5, kind: 'changed' }]
 */
export function diffValues(before: unknown, after: unknown, base: Path = []): ValueChange[] {
  // An object replaced by an array (or the reverse) is one change of the whole value.
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    return microdiff(before, after).flatMap((difference) => toChange(difference, base));
  }
  if (Object.is(before, after)) return [];
  return [change(formatPointer(base), before, after)];
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function toChange(difference: Difference, base: Path): ValueChange[] {
  const path = formatPointer([...base, ...difference.path]);
  switch (difference.type) {
    case 'CREATE':
      return difference.value === undefined ? [] : [change(path, undefined, difference.value)];
    case 'REMOVE':
      return difference.oldValue === undefined ? [] : [change(path, difference.oldValue, undefined)];
    case 'CHANGE':
      return [change(path, difference.oldValue, difference.value)];
  }
}

/** A change whose kind follows from which side is present; absent sides are left out, not undefined. */
function change(path: string, before: unknown, after: unknown): ValueChange {
  if (before === undefined) return { path, after, kind: 'added' };
  if (after === undefined) return { path, before, kind: 'removed' };
  return { path, before, after, kind: 'changed' };
}
