import { formatSegment } from '../segment.js';
import type { X12Delimiters, X12Document } from './types.js';

/**
 * Writes an X12 interchange back as text: each segment, its terminator, the line break between
 * segments, and the trailer. For a parsed well-formed interchange this is the exact input.
 *
 * @example
 * serializeX12(parseX12(text)) === text; // true
 */
export function serializeX12(doc: X12Document): string {
  const { element, segment, lineBreak } = doc.delimiters;
  const parts = new Array<string>(doc.segments.length);
  for (let i = 0; i < doc.segments.length; i++) parts[i] = formatSegment(doc.segments[i]!, element) + segment;
  return parts.join(lineBreak) + doc.trailer;
}

/**
 * One segment with its terminator and line break, for writing an interchange as a stream.
 *
 * @example
 * serializeX12Segment({ tag: 'SE', elements: ['33', '0001'] }, delimiters); // 'SE*33*0001~\n'
 */
export function serializeX12Segment(
  segment: { tag: string; elements: string[] },
  delimiters: X12Delimiters,
): string {
  return formatSegment(segment, delimiters.element) + delimiters.segment + delimiters.lineBreak;
}
