import { flatten, tokenizeChunks } from '../batch-iterator.js';
import { assertChunkSource, decodeWhole, type EdiParseOptions } from '../decode.js';
import type { ParsedSegment } from '../segment.js';
import { X12Tokenizer } from './tokenizer.js';
import type { X12Delimiters, X12Document } from './types.js';

/**
 * Parses a whole X12 interchange held in memory.
 *
 * @example
 * const doc = parseX12(await readFile('850.edi'));
 * doc.segments[2]; // { tag: 'ST', elements: ['850', '000000010'], position: 3, offset: 166 }
 * serializeX12(doc) === original; // true for well-formed input
 */
export function parseX12(input: string | Uint8Array, options: EdiParseOptions = {}): X12Document {
  const text = decodeWhole(input, options.encoding);
  const tokenizer = new X12Tokenizer(options);
  const segments: ParsedSegment[] = [];
  tokenizer.push(text, segments);
  const { delimiters, trailer } = tokenizer.end();
  return { delimiters, segments, trailer };
}

/** Segments of an interchange as they arrive; `delimiters` is set once the ISA has been read. */
export interface X12SegmentStream extends AsyncIterable<ParsedSegment> {
  readonly delimiters: X12Delimiters | undefined;
  /** What followed the last terminator; set when iteration has finished. */
  readonly trailer: string | undefined;
  /**
   * The same segments grouped by the chunk that completed them: the fastest way through a large
   * interchange. Iterate either this or the stream itself, once.
   */
  batches(): AsyncIterable<ParsedSegment[]>;
}

/**
 * Parses an X12 interchange chunk by chunk, yielding each segment as soon as its terminator has
 * arrived; only the unfinished tail is held, so a 100 MB interchange needs about one chunk of memory.
 *
 * @example
 * const stream = parseX12Stream(createReadStream('big-850.edi'));
 * for await (const segment of stream) {
 *   if (segment.tag === 'ST') console.log(segment.elements[1], stream.delimiters?.component);
 * }
 */
export function parseX12Stream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: EdiParseOptions = {},
): X12SegmentStream {
  assertChunkSource(source);
  const tokenizer = new X12Tokenizer(options);
  let trailer: string | undefined;
  const batches = () =>
    tokenizeChunks(source, tokenizer, options, (rest) => {
      trailer = rest;
    });
  return {
    get delimiters() {
      return tokenizer.delimiters;
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
