import { defaultMaxSegmentLength, type EdiParseOptions } from '../decode.js';
import { EdiSyntaxError } from '../errors.js';
import type { ParsedSegment } from '../segment.js';
import { SegmentScanner } from '../segment-scanner.js';
import { edifactComponents } from './release.js';
import type { EdifactDelimiters, EdifactSyntax } from './types.js';
import { defaultEdifactDelimiters, readUna, resolveRepetition, unaLength } from './una.js';

/**
 * Push tokenizer for EDIFACT: reads an optional UNA, then scans segments with release-character
 * awareness, and picks up the syntax version from the first segment when it is a UNB.
 *
 * @example
 * const tokenizer = new EdifactTokenizer();
 * const segments: ParsedSegment[] = [];
 * tokenizer.push(text, segments);
 * const { trailer } = tokenizer.end();
 */
export class EdifactTokenizer {
  private header = '';
  private scanner: SegmentScanner | undefined;
  private base: EdifactDelimiters | undefined;
  private una5: string | undefined;
  private unaText: string | null = null;
  private syntaxRead = false;
  private readonly maxSegmentLength: number;
  syntax: EdifactSyntax | undefined;

  constructor(options: Pick<EdiParseOptions, 'maxSegmentLength'> = {}) {
    this.maxSegmentLength = options.maxSegmentLength ?? defaultMaxSegmentLength;
  }

  /** The UNA exactly as received, or null. */
  get una(): string | null {
    return this.unaText;
  }

  /** Known once the header is read; `repetition` once the UNB is read. */
  get delimiters(): EdifactDelimiters | undefined {
    if (this.base === undefined) return undefined;
    return {
      ...this.base,
      repetition: resolveRepetition(this.syntax?.version, this.una5),
      lineBreak: this.scanner?.lineBreak ?? '',
    };
  }

  push(text: string, out: ParsedSegment[]): void {
    if (this.scanner === undefined) {
      this.header += text;
      if (!this.start(false)) return;
      text = this.header;
      this.header = '';
    }
    const first = out.length;
    this.scanner!.push(text, out);
    if (!this.syntaxRead && out.length > first) this.readSyntax(out[first]!);
  }

  end(): { delimiters: EdifactDelimiters; trailer: string } {
    if (this.scanner === undefined) {
      if (this.header.length === 0) {
        throw new EdiSyntaxError('empty-interchange', 'The interchange is empty.', { offset: 0 });
      }
      this.start(true);
      const rest = this.header;
      this.header = '';
      const out: ParsedSegment[] = [];
      this.scanner!.push(rest, out);
      // Anything complete here would have been emitted already; this reports the unterminated text.
      if (out.length > 0 && !this.syntaxRead) this.readSyntax(out[0]!);
    }
    const { trailer } = this.scanner!.end();
    return { delimiters: this.delimiters!, trailer };
  }

  /** Sets up the scanner once enough text is in to know whether a UNA is there. */
  private start(final: boolean): boolean {
    const header = this.header;
    if (!final && header.length < unaLength && 'UNA'.startsWith(header.slice(0, 3))) return false;
    const options = { maxSegmentLength: this.maxSegmentLength };
    if (header.startsWith('UNA')) {
      const { delimiters, una5 } = readUna(header);
      this.base = delimiters;
      this.una5 = una5;
      this.unaText = header.slice(0, unaLength);
      this.header = header.slice(unaLength);
      this.scanner = new SegmentScanner(
        {
          element: delimiters.element,
          terminator: delimiters.segment,
          release: delimiters.release,
          ...options,
        },
        unaLength,
        true,
      );
    } else {
      this.base = { ...defaultEdifactDelimiters };
      this.scanner = new SegmentScanner({
        element: this.base.element,
        terminator: this.base.segment,
        release: this.base.release,
        ...options,
      });
    }
    return true;
  }

  private readSyntax(first: ParsedSegment): void {
    this.syntaxRead = true;
    if (first.tag !== 'UNB' || first.elements[0] === undefined) return;
    const [identifier = '', version = ''] = edifactComponents(first.elements[0], this.base!);
    const number = Number.parseInt(version, 10);
    if (Number.isFinite(number)) this.syntax = { identifier, version: number };
  }
}
