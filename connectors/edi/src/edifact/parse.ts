import { flatten, tokenizeChunks } from '../batch-iterator.js';
import { assertChunkSource, decodeWhole, type EdiParseOptions } from '../decode.js';
import type { ParsedSegment } from '../segment.js';
import { EdifactTokenizer } from './tokenizer.js';
import type { EdifactDelimiters, EdifactDocument, EdifactSyntax } from './types.js';

/**
 * Parses a whole EDIFACT interchange held in memory, with or without UNA.
 *
 * @example
 * const doc = parseEdifact("UNA:+,? 'UNB+UNOC:3+SENDER+RECEIVER+240101:1200+1'UNH+1+ORDERS:D:96A:UN'");
 * doc.delimiters.decimal; // ','
 * doc.syntax; // { identifier: 'UNOC', version: 3 }
 */
export function parseEdifact(input: string | Uint8Array, options: EdiParseOptions = {}): EdifactDocument {
  const text = decodeWhole(input, options.encoding);
  const tokenizer = new EdifactTokenizer(options);
  const segments: ParsedSegment[] = [];
  tokenizer.push(text, segments);
  const { delimiters, trailer } = tokenizer.end();
  return { una: tokenizer.una, delimiters, syntax: tokenizer.syntax, segments, trailer };
}

/** Segments of an EDIFACT interchange as they arrive, with what is known about it so far. */
export interface EdifactSegmentStream extends AsyncIterable<ParsedSegment> {
  readonly delimiters: EdifactDelimiters | undefined;
  readonly syntax: EdifactSyntax | undefined;
  readonly una: string | null;
  /** What followed the last terminator; set when iteration has finished. */
  readonly trailer: string | undefined;
  /**
   * The same segments grouped by the chunk that completed them: the fastest way through a large
   * interchange. Iterate either this or the stream itself, once.
   */
  batches(): AsyncIterable<ParsedSegment[]>;
}

/**
 * Parses an EDIFACT interchange chunk by chunk, yielding each segment once its terminator has
 * arrived; a release character at the end of one chunk still escapes the first character of the next.
 *
 * @example
 * const stream = parseEdifactStream(createReadStream('orders.edi'));
 * for await (const segment of stream) {
 *   if (segment.tag === 'LIN') console.log(edifactValue(segment, 3, 1, stream.delimiters!));
 * }
 */
export function parseEdifactStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: EdiParseOptions = {},
): EdifactSegmentStream {
  assertChunkSource(source);
  const tokenizer = new EdifactTokenizer(options);
  let trailer: string | undefined;
  const batches = () =>
    tokenizeChunks(source, tokenizer, options, (rest) => {
      trailer = rest;
    });
  return {
    get delimiters() {
      return tokenizer.delimiters;
    },
    get syntax() {
      return tokenizer.syntax;
    },
    get una() {
      return tokenizer.una;
    },
    get trailer() {
      return trailer;
    },
    batches,
    [Symbol.asyncIterator]() {
      return flatten(batches())[Symbol.asyncIterator]();
    },
  };
}
