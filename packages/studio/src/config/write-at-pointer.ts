import { isRecord } from './json-schema.js';

/**
 * A copy of `root` with `value` written at a JSON pointer, the way `setConfig` writes a node config
 * (for the trigger, whose config is replaced whole by `setTrigger`): missing objects on the way are
 * created, `undefined` removes (shifting array items), an index equal to the length appends.
 *
 * @example
 * writeAtPointer({ signature: { header: 'x' } }, '/signature/encoding', 'hex');
 * // { signature: { header: 'x', encoding: 'hex' } }
 */
export function writeAtPointer(
  root: Record<string, unknown>,
  pointer: string,
  value: unknown,
): Record<string, unknown> {
  if (pointer === '') return isRecord(value) ? value : {};
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  return writeIn(root, segments, value) as Record<string, unknown>;
}

function writeIn(current: unknown, segments: string[], value: unknown): unknown {
  const [head = '', ...rest] = segments;
  if (Array.isArray(current)) {
    const index = head === '-' ? current.length : Number(head);
    const next = [...current];
    if (rest.length === 0 && value === undefined) next.splice(index, 1);
    else next[index] = rest.length === 0 ? value : writeIn(current[index], rest, value);
    return next;
  }
  const object = isRecord(current) ? { ...current } : {};
  if (rest.length === 0) {
    if (value === undefined) delete object[head];
    else object[head] = value;
  } else object[head] = writeIn(object[head], rest, value);
  return object;
}
