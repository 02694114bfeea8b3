import { ChunkDecoder, type EdiParseOptions } from './decode.js';
import type { ParsedSegment } from './segment.js';

/**
 * Turns an async iterable of segment batches into an async iterable of single segments.
 * Written by hand because an async generator costs several promise hops per yielded value,
 * which is a third of the parse time at millions of segments; this resolves one promise per
 * segment and goes back to the source only when a batch is used up.
 *
 * @example
 * for await (const segment of flatten(stream.batches())) console.log(segment.tag);
 */
export function flatten<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = batches[Symbol.asyncIterator]();
      let batch: T[] = [];
      let index = 0;
      const refill = async (): Promise<IteratorResult<T>> => {
        for (;;) {
          const next = await source.next();
          if (next.done) return { value: undefined, done: true };
          batch = next.value;
          index = 0;
          if (batch.length > 0) return { value: batch[index++]!, done: false };
        }
      };
      return {
        next(): Promise<IteratorResult<T>> {
          if (index < batch.length) return Promise.resolve({ value: batch[index++]!, done: false });
          return refill();
        },
        async return(): Promise<IteratorResult<T>> {
          await source.return?.();
          return { value: undefined, done: true };
        },
      };
    },
  };
}

/** What the X12 and EDIFACT tokenizers have in common for chunked input. */
export interface ChunkTokenizer {
  /** Appends the segments the text completes to `out`, keeping an unfinished tail. */
  push(text: string, out: ParsedSegment[]): void;
  end(): { trailer: string };
}

/**
 * Runs chunks through a tokenizer and yields the segments each chunk completes, then reports what
 * followed the last terminator. Shared by both streaming parsers.
 *
 * @example
 * const batches = tokenizeChunks(source, new X12Tokenizer(options), options, (t) => (trailer = t));
 */
export async function* tokenizeChunks(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  tokenizer: ChunkTokenizer,
  options: EdiParseOptions,
  onTrailer: (trailer: string) => void,
): AsyncGenerator<ParsedSegment[]> {
  const decoder = new ChunkDecoder(options.encoding);
  for await (const chunk of source) {
    const out: ParsedSegment[] = [];
    tokenizer.push(decoder.decode(chunk), out);
    if (out.length > 0) yield out;
  }
  const out: ParsedSegment[] = [];
  tokenizer.push(decoder.flush(), out);
  onTrailer(tokenizer.end().trailer);
  if (out.length > 0) yield out;
}
