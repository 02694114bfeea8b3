import { isRecord } from './deep-equal.js';
import { replaceAt, withKey } from './immutable.js';
import { formatPointer, parsePointer } from './json-pointer.js';
import { fail, type OpOutcome } from './op-outcome.js';

export interface ConfigWrite {
  config: Record<string, unknown>;
  /** The `setConfig` path and value that undo this write. */
  inverse: { path: string; value: unknown };
}

interface Written {
  value: unknown;
  inverse: { segments: string[]; value: unknown };
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Writes `value` at a JSON pointer inside a node config without touching the original.
 *
 * - Objects: sets the key; `undefined` removes it; missing intermediate objects are created (their
 *   removal is the inverse), so a form can set `/headers/X-Api-Key` before `headers` exists.
 * - Arrays: an index below the length replaces, the length or `-` appends, `undefined` removes and
 *   shifts the rest. An index past the end, or a path through a string or number, is 'invalid-path'.
 * - Removing something that is not there changes nothing.
 *
 * @example
 * writeConfig({ cases: [{ port: 'a' }] }, '/cases/0/port', 'b');
 * // { ok: true, value: { config: { cases: [{ port: 'b' }] }, inverse: { path: '/cases/0/port', value: 'a' } } }
 */
export function writeConfig(
  config: Record<string, unknown>,
  path: string,
  value: unknown,
): OpOutcome<ConfigWrite> {
  const segments = parsePointer(path);
  if (segments === undefined) {
    return fail('invalid-path', `"${path}" is not a JSON pointer: it must be empty or start with "/".`);
  }
  if (segments.length === 0) {
    if (!isRecord(value))
      return fail('invalid-value', 'A node config must be an object; use {} to clear it.');
    return { ok: true, value: { config: value, inverse: { path: '', value: config } } };
  }
  const written = writeIn(config, segments, 0, value);
  if (!written.ok) return written;
  // Always true (a record stays a record); the guard keeps the type without a cast.
  if (!isRecord(written.value.value)) return fail('invalid-path', `"${path}" does not lead into the config.`);
  const { inverse } = written.value;
  return {
    ok: true,
    value: {
      config: written.value.value,
      inverse: { path: formatPointer(inverse.segments), value: inverse.value },
    },
  };
}

function writeIn(current: unknown, segments: string[], depth: number, value: unknown): OpOutcome<Written> {
  const here = segments.slice(0, depth);
  if (Array.isArray(current)) return writeInArray(current, segments, depth, value);
  if (isRecord(current)) return writeInRecord(current, segments, depth, value);
  return fail(
    'invalid-path',
    `The config value at "${formatPointer(here)}" holds no fields or items to set.`,
  );
}

function unchanged(current: unknown, segments: string[]): OpOutcome<Written> {
  return { ok: true, value: { value: current, inverse: { segments, value: undefined } } };
}

function writeInArray(
  current: unknown[],
  segments: string[],
  depth: number,
  value: unknown,
): OpOutcome<Written> {
  const here = segments.slice(0, depth);
  const segment = segments[depth] ?? '';
  const last = depth === segments.length - 1;
  let index: number;
  if (segment === '-') index = current.length;
  else if (ARRAY_INDEX.test(segment)) index = Number(segment);
  else
    return fail('invalid-path', `"${segment}" is not an item index of the list at "${formatPointer(here)}".`);
  const at = [...here, String(index)];

  if (last) {
    if (value === undefined) {
      if (index >= current.length) return unchanged(current, at);
      // Removal shifts later items, which a single set cannot undo; the inverse restores the whole list.
      return {
        ok: true,
        value: { value: current.filter((_, i) => i !== index), inverse: { segments: here, value: current } },
      };
    }
    if (index < current.length) {
      return {
        ok: true,
        value: { value: replaceAt(current, index, value), inverse: { segments: at, value: current[index] } },
      };
    }
    if (index === current.length) {
      return { ok: true, value: { value: [...current, value], inverse: { segments: at, value: undefined } } };
    }
    return fail(
      'invalid-path',
      `The list at "${formatPointer(here)}" has ${current.length} items; ${index} is past its end.`,
    );
  }

  if (index >= current.length) {
    if (value === undefined) return unchanged(current, segments);
    return fail('invalid-path', `The list at "${formatPointer(here)}" has no item ${index}.`);
  }
  const child = current[index];
  const written = writeIn(child, segments, depth + 1, value);
  if (!written.ok) return written;
  if (written.value.value === child) return unchanged(current, written.value.inverse.segments);
  return {
    ok: true,
    value: { value: replaceAt(current, index, written.value.value), inverse: written.value.inverse },
  };
}

function writeInRecord(
  current: Record<string, unknown>,
  segments: string[],
  depth: number,
  value: unknown,
): OpOutcome<Written> {
  const segment = segments[depth] ?? '';
  const at = segments.slice(0, depth + 1);
  if (segment === '__proto__') return fail('invalid-path', 'A config key may not be "__proto__".');
  const exists = Object.hasOwn(current, segment);
  const child = exists ? current[segment] : undefined;

  if (depth === segments.length - 1) {
    if (value === undefined && !exists) return unchanged(current, at);
    return {
      ok: true,
      value: { value: withKey(current, segment, value), inverse: { segments: at, value: child } },
    };
  }

  if (child === undefined) {
    if (value === undefined) return unchanged(current, segments);
    const created = writeIn({}, segments, depth + 1, value);
    if (!created.ok) return created;
    // Undo removes the object created here, not just the leaf, so no empty object is left behind.
    return {
      ok: true,
      value: {
        value: withKey(current, segment, created.value.value),
        inverse: { segments: at, value: undefined },
      },
    };
  }
  const written = writeIn(child, segments, depth + 1, value);
  if (!written.ok) return written;
  if (written.value.value === child) return unchanged(current, written.value.inverse.segments);
  return {
    ok: true,
    value: { value: withKey(current, segment, written.value.value), inverse: written.value.inverse },
  };
}
