import { pointerSegment } from '../validate/problem.js';

/**
 * Builds a JSON pointer (RFC 6901) from path segments, escaping `~` as `~0` and `/` as `~1`.
 *
 * @example
 * formatPointer(['config', 'a/b~c', 0]); // '/config/a~1b~0c/0'
 * formatPointer([]);                      // '' (the whole document)
 */
export function formatPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}

/**
 * Splits a JSON pointer into unescaped segments; undefined when it is not a valid pointer
 * (it must be '' or start with '/', and `~` may only be followed by `0` or `1`).
 *
 * @example
 * parsePointer('/cases/0/port'); // ['cases', '0', 'port']
 * parsePointer('/a~1b');         // ['a/b']
 * parsePointer('cases');         // undefined
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    if (/~(?![01])/.test(raw)) return undefined;
    // ~1 before ~0, so that '~01' decodes to '~1' and not to '/'.
    segments.push(raw.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  return segments;
}
