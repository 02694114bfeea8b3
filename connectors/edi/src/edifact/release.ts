import { splitReleased } from '../split-released.js';
import type { EdifactDelimiters } from './types.js';

type Release = Pick<EdifactDelimiters, 'release'>;

/**
 * Removes release characters: "?+" becomes "+", "??" becomes "?".
 *
 * @example
 * edifactUnescape('MR?+MRS O??NEIL', delimiters); // 'MR+MRS O?NEIL'
 */
export function edifactUnescape(raw: string, delimiters: Release): string {
  const { release } = delimiters;
  if (release === null || raw.indexOf(release) === -1) return raw;
  let value = '';
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === release) {
      value += raw.slice(start, i);
      start = i + 1;
      i++;
    }
  }
  return value + raw.slice(start);
}

/**
 * Puts a release character before every service character in a value, so it can be written as data.
 *
 * @example
 * edifactEscape("O'NEIL+SONS", delimiters); // "O?'NEIL?+SONS"
 */
export function edifactEscape(value: string, delimiters: EdifactDelimiters): string {
  const { release } = delimiters;
  if (release === null) return value;
  const special = new Set([delimiters.component, delimiters.element, delimiters.segment, release]);
  if (delimiters.repetition !== null) special.add(delimiters.repetition);
  let raw = '';
  for (const char of value) raw += special.has(char) ? release + char : char;
  return raw;
}

/**
 * The components of a raw element, each unescaped.
 *
 * @example
 * edifactComponents('ORDERS:D:96A:UN:EAN008', delimiters); // ['ORDERS', 'D', '96A', 'UN', 'EAN008']
 * edifactComponents('10?:30:X', delimiters); // ['10:30', 'X']
 */
export function edifactComponents(
  element: string,
  delimiters: Pick<EdifactDelimiters, 'component' | 'release'>,
): string[] {
  return splitReleased(element, delimiters.component, delimiters.release).map((raw) =>
    edifactUnescape(raw, delimiters),
  );
}

/**
 * The repetitions of a raw element (syntax version 4), still escaped so they can be split into
 * components; one repetition when the interchange has no repetition separator.
 *
 * @example
 * edifactRepetitions('A:1*B:2', delimiters); // ['A:1', 'B:2'] in version 4
 */
export function edifactRepetitions(
  element: string,
  delimiters: Pick<EdifactDelimiters, 'repetition' | 'release'>,
): string[] {
  return delimiters.repetition === null
    ? [element]
    : splitReleased(element, delimiters.repetition, delimiters.release);
}
