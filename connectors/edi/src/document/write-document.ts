import type { EdiSegment } from '../segment.js';
import type { ElementCodec, ElementValue } from './element-codec.js';
import { loopStartOf } from './set-schema.js';

const SEGMENT_TAG = /^[A-Z][A-Z0-9]{1,2}$/;
const ELEMENT_KEY = /^([A-Z][A-Z0-9]{1,2})(\d{2})$/;

/**
 * A document a map built that cannot be written as EDI; `path` points at the offending member,
 * e.g. `PO1_loop[1].PO1[0].PO102`, so the node's error names what to fix in the map.
 *
 * @example
 * try { writeDocument({ BEG: [{ BEGX: 1 }] }, codec); } catch (e) { if (e instanceof EdiDocumentError) e.path; } // 'BEG[0].BEGX'
 */
export class EdiDocumentError extends Error {
  override readonly name = 'EdiDocumentError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Lays a document out as segments, the inverse of `readDocument`: members in the order the map
 * wrote them, each loop occurrence starting with its start segment, elements placed by their
 * reference number with the gaps left empty and trailing empty elements dropped. A single object
 * is taken where a list is expected, since JSONata yields one for a one-item result.
 *
 * @example
 * writeDocument({ BAK: [{ BAK01: '00', BAK02: 'AC', BAK03: 'PO-1', BAK04: '20250301' }] }, codec);
 * // [{ tag: 'BAK', elements: ['00', 'AC', 'PO-1', '20250301'] }]
 */
export function writeDocument(document: unknown, codec: ElementCodec): EdiSegment[] {
  const segments: EdiSegment[] = [];
  writeNode(document, '', undefined, codec, segments);
  return segments;
}

function writeNode(
  value: unknown,
  path: string,
  start: string | undefined,
  codec: ElementCodec,
  out: EdiSegment[],
): void {
  if (!isPlainObject(value)) {
    throw new EdiDocumentError(
      path,
      `${where(path)} must be an object of segments and loops, not ${describe(value)}.`,
    );
  }
  const keys = Object.keys(value);
  if (start !== undefined && !keys.includes(start)) {
    throw new EdiDocumentError(
      path,
      `${where(path)} is an occurrence of the ${start} loop but has no ${start} segment to open it.`,
    );
  }
  const ordered = start === undefined ? keys : [start, ...keys.filter((key) => key !== start)];
  for (const key of ordered) {
    const member = value[key];
    if (member === undefined || member === null) continue;
    const loopStart = loopStartOf(key);
    const items = Array.isArray(member) ? member : [member];
    items.forEach((item, index) => {
      const itemPath = `${join(path, key)}[${index}]`;
      if (loopStart !== undefined) writeNode(item, itemPath, loopStart, codec, out);
      else if (SEGMENT_TAG.test(key)) out.push(writeSegment(key, item, itemPath, codec));
      else {
        throw new EdiDocumentError(
          join(path, key),
          `${where(join(path, key))} is neither a segment tag (two or three capitals or digits, e.g. "N1") nor a loop ("N1_loop").`,
        );
      }
    });
  }
}

function writeSegment(tag: string, value: unknown, path: string, codec: ElementCodec): EdiSegment {
  if (!isPlainObject(value)) {
    throw new EdiDocumentError(
      path,
      `${where(path)} must be an object of elements such as { "${tag}01": "…" }, not ${describe(value)}.`,
    );
  }
  const elements: string[] = [];
  for (const [key, element] of Object.entries(value)) {
    const match = ELEMENT_KEY.exec(key);
    if (!match || match[1] !== tag || match[2] === '00') {
      throw new EdiDocumentError(
        `${path}.${key}`,
        `${where(`${path}.${key}`)} is not an element of ${tag}; name elements ${tag}01, ${tag}02 and so on.`,
      );
    }
    if (!isElementValue(element)) {
      throw new EdiDocumentError(
        `${path}.${key}`,
        `${where(`${path}.${key}`)} must be text, a number or a list of components, not ${describe(element)}.`,
      );
    }
    elements[Number(match[2]) - 1] = codec.write(element);
  }
  const filled = Array.from(elements, (element) => element ?? '');
  while (filled.length > 0 && filled[filled.length - 1] === '') filled.pop();
  return { tag, elements: filled };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | null | undefined {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isElementValue(value: unknown): value is ElementValue {
  return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function where(path: string): string {
  return path === '' ? 'The document' : `"${path}"`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}
