import { formatSegment } from '../segment.js';
import type { EdifactDelimiters, EdifactDocument } from './types.js';

/**
 * Writes an EDIFACT interchange back as text: the UNA if there was one, each segment with its
 * terminator, the line break between them, and the trailer. Elements are written as stored
 * (already escaped), so a parsed well-formed interchange comes back exactly.
 *
 * @example
 * serializeEdifact(parseEdifact(text)) === text; // true
 */
export function serializeEdifact(doc: EdifactDocument): string {
  const { element, segment, lineBreak } = doc.delimiters;
  const parts: string[] = [];
  if (doc.una !== null) parts.push(doc.una);
  for (const s of doc.segments) parts.push(formatSegment(s, element) + segment);
  return parts.join(lineBreak) + doc.trailer;
}

/**
 * One segment with its terminator and line break, for writing an interchange as a stream.
 * Element values must already be escaped (see `edifactEscape`).
 *
 * @example
 * serializeEdifactSegment({ tag: 'UNT', elements: ['16', '1'] }, delimiters); // "UNT+16+1'\n"
 */
export function serializeEdifactSegment(
  segment: { tag: string; elements: string[] },
  delimiters: EdifactDelimiters,
): string {
  return formatSegment(segment, delimiters.element) + delimiters.segment + delimiters.lineBreak;
}
