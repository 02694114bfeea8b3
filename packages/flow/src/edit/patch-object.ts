import { withKey } from './immutable.js';
import { fail, type OpOutcome } from './op-outcome.js';

export interface Patched<T> {
  value: T;
  /** The previous value of every patched key (`undefined` where the key was absent): the inverse patch. */
  previous: Partial<T>;
}

/**
 * Applies a shallow patch in which a key holding `undefined` removes that key. Keys outside `allowed`
 * are refused, so untyped callers (the server) cannot slip in an id or an unknown field, and `required`
 * keys may be changed but not removed.
 *
 * @example
 * patchObject({ id: 'a', name: 'A' }, { name: undefined }, ['name'], [], 'The node');
 * // { ok: true, value: { value: { id: 'a' }, previous: { name: 'A' } } }
 */
export function patchObject<T extends object, K extends keyof T & string>(
  original: T,
  patch: Partial<Pick<T, K>>,
  allowed: readonly K[],
  required: readonly K[],
  subject: string,
): OpOutcome<Patched<T>> {
  if (typeof patch !== 'object' || patch === null)
    return fail('invalid-patch', `The patch for ${subject} must be an object.`);
  const allowedKeys = new Set<string>(allowed);
  for (const key of Object.keys(patch)) {
    if (!allowedKeys.has(key)) {
      return fail('invalid-patch', `${capitalise(subject)} has no field "${key}" that this edit can change.`);
    }
  }
  let value = original;
  const previous: Partial<T> = {};
  for (const key of allowed) {
    if (!Object.hasOwn(patch, key)) continue;
    const next: T[K] | undefined = patch[key];
    if (next === undefined && required.includes(key)) {
      return fail('invalid-patch', `The field "${key}" of ${subject} is required and cannot be removed.`);
    }
    previous[key] = Object.hasOwn(original, key) ? original[key] : undefined;
    value = withKey(value, key, next);
  }
  return { ok: true, value: { value, previous } };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
