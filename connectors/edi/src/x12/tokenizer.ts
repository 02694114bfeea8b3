import { defaultMaxSegmentLength, type EdiParseOptions } from '../decode.js';
import { EdiSyntaxError } from '../errors.js';
import type { ParsedSegment } from '../segment.js';
import { SegmentScanner } from '../segment-scanner.js';
import { isaLength, readIsaDelimiters } from './isa.js';
import type { X12Delimiters } from './types.js';

/**
 * Push tokenizer for X12: buffers until the fixed-width ISA is complete, reads the delimiters
 * from it, then hands everything to the shared segment scanner.
 *
 * @example
 * const tokenizer = new X12Tokenizer();
 * const segments: ParsedSegment[] = [];
 * tokenizer.push(text, segments);
 * const { delimiters, trailer } = tokenizer.end(segments);
 */
export class X12Tokenizer {
  private header = '';
  private scanner: SegmentScanner | undefined;
  private isa: X12Delimiters | undefined;
  private readonly maxSegmentLength: number;

  constructor(options: Pick<EdiParseOptions, 'maxSegmentLength'> = {}) {
    this.maxSegmentLength = options.maxSegmentLength ?? defaultMaxSegmentLength;
  }

  /** The interchange's delimiters once the ISA has been read; `lineBreak` once the second segment begins. */
  get delimiters(): X12Delimiters | undefined {
    if (this.isa === undefined) return undefined;
    return { ...this.isa, lineBreak: this.scanner?.lineBreak ?? '' };
  }

  push(text: string, out: ParsedSegment[]): void {
    if (this.scanner !== undefined) {
      this.scanner.push(text, out);
      return;
    }
    this.header += text;
    // Fail on garbage as soon as three characters are in, rather than after buffering 106.
    if (this.header.length >= 3 && !this.header.startsWith('ISA')) readIsaDelimiters(this.header);
    if (this.header.length < isaLength) return;
    this.isa = readIsaDelimiters(this.header);
    this.scanner = new SegmentScanner({
      element: this.isa.element,
      terminator: this.isa.segment,
      release: null,
      maxSegmentLength: this.maxSegmentLength,
    });
    const header = this.header;
    this.header = '';
    this.scanner.push(header, out);
  }

  /** Finishes the input: flushes nothing new, but reports an unterminated last segment. */
  end(): { delimiters: X12Delimiters; trailer: string } {
    if (this.scanner === undefined || this.isa === undefined) {
      if (this.header.length === 0) {
        throw new EdiSyntaxError('empty-interchange', 'The interchange is empty.', { offset: 0 });
      }
      readIsaDelimiters(this.header);
      throw new EdiSyntaxError('isa-too-short', 'The interchange is too short for an ISA segment.');
    }
    const { lineBreak, trailer } = this.scanner.end();
    return { delimiters: { ...this.isa, lineBreak }, trailer };
  }
}
