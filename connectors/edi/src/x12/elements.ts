import type { EdiSegment } from '../segment.js';
import type { X12Delimiters } from './types.js';

/**
 * An element by its X12 position (1-based, as in "ST02"); undefined when the segment is shorter.
 *
 * @example
 * x12Element({ tag: 'ST', elements: ['850', '0001'] }, 2); // '0001'
 */
export function x12Element(segment: EdiSegment, position: number): string | undefined {
  return segment.elements[position - 1];
}

/**
 * The components of a composite element, split at ISA16.
 *
 * @example
 * x12Components('UN>12', delimiters); // ['UN', '12'] when ISA16 is ">"
 */
export function x12Components(element: string, delimiters: Pick<X12Delimiters, 'component'>): string[] {
  return element.split(delimiters.component);
}

/**
 * The repetitions of an element, split at ISA11 from version 00402 on; one repetition before.
 *
 * @example
 * x12Repetitions('A^B', delimiters); // ['A', 'B'] in a 5010 interchange, ['A^B'] in 4010
 */
export function x12Repetitions(element: string, delimiters: Pick<X12Delimiters, 'repetition'>): string[] {
  return delimiters.repetition === null ? [element] : element.split(delimiters.repetition);
}

/**
 * A component of an element by 1-based positions ("C040-02" is element 4, component 2);
 * undefined when absent.
 *
 * @example
 * x12Component({ tag: 'SV1', elements: ['HC>99213'] }, 1, 2, delimiters); // '99213'
 */
export function x12Component(
  segment: EdiSegment,
  position: number,
  componentPosition: number,
  delimiters: Pick<X12Delimiters, 'component'>,
): string | undefined {
  const element = segment.elements[position - 1];
  return element === undefined ? undefined : x12Components(element, delimiters)[componentPosition - 1];
}
