import type { EdiSegment } from '../segment.js';
import { edifactComponents } from './release.js';
import type { EdifactDelimiters } from './types.js';

/**
 * The unescaped value of a simple element or of one component of a composite, by 1-based
 * positions; undefined when absent.
 *
 * @example
 * // DTM+137:201508030000:203'
 * edifactValue(segment, 1, 2, delimiters); // '201508030000'
 */
export function edifactValue(
  segment: EdiSegment,
  position: number,
  componentPosition: number,
  delimiters: Pick<EdifactDelimiters, 'component' | 'release'>,
): string | undefined {
  const element = segment.elements[position - 1];
  return element === undefined ? undefined : edifactComponents(element, delimiters)[componentPosition - 1];
}

/**
 * Reads a numeric value written with the interchange's decimal mark. A full stop is accepted
 * too, because ISO 9735 asks receivers to accept either mark.
 * Returns undefined for an empty or non-numeric value.
 *
 * @example
 * edifactDecimal('12,50', delimiters); // 12.5 when UNA declares a decimal comma
 */
export function edifactDecimal(
  value: string,
  delimiters: Pick<EdifactDelimiters, 'decimal'>,
): number | undefined {
  const normalised = delimiters.decimal === ',' ? value.replace(',', '.') : value;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return undefined;
  return Number(normalised);
}

/**
 * Writes a number with the interchange's decimal mark.
 *
 * @example
 * formatEdifactDecimal(12.5, delimiters); // '12,5' when UNA declares a decimal comma
 */
export function formatEdifactDecimal(value: number, delimiters: Pick<EdifactDelimiters, 'decimal'>): string {
  const text = String(value);
  return delimiters.decimal === ',' ? text.replace('.', ',') : text;
}
