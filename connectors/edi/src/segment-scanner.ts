import { EdiSyntaxError, quote } from './errors.js';
import { type ElementSyntax, ParsedSegment } from './segment.js';

/** The delimiters the tokenizer needs; components and repetitions are split later, on demand. */
export interface ScannerSyntax {
  element: string;
  terminator: string;
  release: string | null;
  maxSegmentLength: number;
}

/** What is left when the input ends: the layout after the last terminator. */
export interface ScannerEnd {
  lineBreak: string;
  trailer: string;
}

const LF = 10;
const CR = 13;

function isTag(tag: string): boolean {
  if (tag.length < 2 || tag.length > 3) return false;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

// Trailing whitespace, NULs and SUB (0x1A) are block padding some transports add after the last segment.
function isPadding(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0 || c === 0x1a || c === 0x20 || (c >= 9 && c <= 13))) return false;
  }
  return true;
}

/**
 * Push tokenizer shared by X12 and EDIFACT: text goes in as it arrives, complete segments come out.
 * Only the unfinished tail is kept between pushes, so memory stays at one chunk plus one segment.
 * Line breaks between segments are layout: the first one seen becomes `lineBreak`, and they are
 * not part of any segment.
 */
export class SegmentScanner {
  private buffer = '';
  private pos = 0;
  private scanFrom = 0;
  private base: number;
  private count = 0;
  private readonly gapBeforeFirst: boolean;
  private readonly elementSyntax: ElementSyntax;
  lineBreak: string | undefined;

  /**
   * @param firstOffset character offset of the first pushed character (after a UNA header)
   * @param gapBeforeFirst whether line breaks may precede the first segment (they may after UNA)
   */
  constructor(
    private readonly syntax: ScannerSyntax,
    firstOffset = 0,
    gapBeforeFirst = false,
  ) {
    this.base = firstOffset;
    this.gapBeforeFirst = gapBeforeFirst;
    this.elementSyntax = { element: syntax.element, release: syntax.release };
  }

  get segmentCount(): number {
    return this.count;
  }

  push(text: string, out: ParsedSegment[]): void {
    if (this.pos > 0) {
      this.buffer = this.buffer.slice(this.pos);
      this.base += this.pos;
      this.scanFrom = Math.max(0, this.scanFrom - this.pos);
      this.pos = 0;
    }
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.scan(out);
  }

  end(): ScannerEnd {
    const rest = this.buffer.slice(this.pos);
    if (!isPadding(rest)) {
      const lead = rest.length - rest.replace(/^[\r\n]+/, '').length;
      throw new EdiSyntaxError(
        'missing-terminator',
        `Segment ${this.count + 1} (near character ${this.base + this.pos + lead}) has no terminator ${quote(this.syntax.terminator)}: the interchange ends inside it.`,
        { offset: this.base + this.pos + lead, segmentPosition: this.count + 1 },
      );
    }
    return { lineBreak: this.lineBreak ?? '', trailer: rest };
  }

  private scan(out: ParsedSegment[]): void {
    const buf = this.buffer;
    const len = buf.length;
    const { terminator, release } = this.syntax;
    const rel = release === null ? -1 : release.charCodeAt(0);
    let pos = this.pos;
    while (pos < len) {
      // Kept so that an unfinished segment is retained together with the line break before it.
      const gapStart = pos;
      if (this.count > 0 || this.gapBeforeFirst) {
        let c = buf.charCodeAt(pos);
        while ((c === LF || c === CR) && pos < len) c = buf.charCodeAt(++pos);
        // The gap may continue in the next chunk (a CR here, its LF there): decide once it is complete.
        if (pos >= len) {
          pos = gapStart;
          break;
        }
        if (this.lineBreak === undefined) this.lineBreak = buf.slice(gapStart, pos);
      }
      let from = Math.max(this.scanFrom, pos);
      let end = buf.indexOf(terminator, from);
      // A terminator preceded by an odd number of release characters is data, not the end.
      while (end !== -1 && rel !== -1) {
        let k = end - 1;
        while (k >= pos && buf.charCodeAt(k) === rel) k--;
        if (((end - 1 - k) & 1) === 0) break;
        from = end + 1;
        end = buf.indexOf(terminator, from);
      }
      if (end === -1) {
        if (len - pos > this.syntax.maxSegmentLength) {
          throw new EdiSyntaxError(
            'segment-too-long',
            `Segment ${this.count + 1} (near character ${this.base + pos}) runs for more than ${this.syntax.maxSegmentLength} characters without the terminator ${quote(terminator)}; the segment terminator is probably wrong.`,
            { offset: this.base + pos, segmentPosition: this.count + 1 },
          );
        }
        this.scanFrom = len;
        pos = gapStart;
        break;
      }
      this.emit(buf, pos, end, out);
      this.scanFrom = 0;
      pos = end + 1;
    }
    this.pos = pos;
  }

  private emit(buf: string, start: number, end: number, out: ParsedSegment[]): void {
    const position = ++this.count;
    const offset = this.base + start;
    // Searching the buffer (not a slice of the segment) saves a string per segment; a match past
    // `end` means a tag-only segment.
    let sepAt = buf.indexOf(this.syntax.element, start);
    if (sepAt > end || sepAt === -1) sepAt = end;
    const tag = buf.slice(start, sepAt);
    if (!isTag(tag)) {
      throw new EdiSyntaxError(
        'invalid-tag',
        `Segment ${position} (near character ${offset}) starts with ${quote(tag)}, which is not a segment tag (2 or 3 capital letters or digits).`,
        { offset, segmentPosition: position },
      );
    }
    const body = sepAt === end ? undefined : buf.slice(sepAt + 1, end);
    out.push(new ParsedSegment(tag, body, this.elementSyntax, position, offset));
  }
}
