import { EdiSyntaxError } from './errors.js';

/**
 * How bytes become text. `utf-8` (the default) suits ASCII and UTF-8 interchanges and refuses
 * invalid sequences rather than silently replacing them; `latin1` maps every byte to one character,
 * so any byte sequence (ISO 8859-1, EDIFACT UNOC) round-trips exactly.
 */
export type EdiEncoding = 'utf-8' | 'latin1';

/** Options shared by every parser. */
export interface EdiParseOptions {
  encoding?: EdiEncoding;
  /**
   * A segment longer than this without a terminator is reported instead of buffered, so a file
   * with a wrong terminator cannot make the parser hold the whole stream. Default 1,000,000.
   */
  maxSegmentLength?: number;
}

export const defaultMaxSegmentLength = 1_000_000;

const latin1Block = 8192;

function latin1(bytes: Uint8Array): string {
  let text = '';
  // fromCharCode.apply takes its arguments on the stack, so convert in bounded blocks.
  for (let i = 0; i < bytes.length; i += latin1Block) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + latin1Block) as unknown as number[]);
  }
  return text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function invalidUtf8(): EdiSyntaxError {
  return new EdiSyntaxError(
    'invalid-encoding',
    'The interchange is not valid UTF-8; if it uses a single-byte character set (for example ISO 8859-1), parse it with the option encoding: "latin1".',
  );
}

/** Decodes a chunked byte stream, keeping a multi-byte character that is split across chunks intact. */
export class ChunkDecoder {
  private readonly utf8: InstanceType<typeof TextDecoder> | undefined;

  constructor(encoding: EdiEncoding = 'utf-8') {
    this.utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : undefined;
  }

  decode(chunk: unknown): string {
    if (typeof chunk === 'string') return this.flush() + chunk;
    if (!(chunk instanceof Uint8Array)) {
      throw new EdiSyntaxError(
        'invalid-input',
        `The interchange stream produced a ${describe(chunk)} chunk; expected bytes (Uint8Array) or text.`,
      );
    }
    if (this.utf8 === undefined) return latin1(chunk);
    try {
      return this.utf8.decode(chunk, { stream: true });
    } catch {
      throw invalidUtf8();
    }
  }

  /** The text still held back by the decoder (an incomplete character at the end is an error). */
  flush(): string {
    if (this.utf8 === undefined) return '';
    try {
      return this.utf8.decode();
    } catch {
      throw invalidUtf8();
    }
  }
}

/** Turns a whole-document input into text, refusing anything that is neither text nor bytes. */
export function decodeWhole(input: unknown, encoding: EdiEncoding = 'utf-8'): string {
  if (typeof input === 'string') return input;
  if (!(input instanceof Uint8Array)) {
    throw new EdiSyntaxError(
      'invalid-input',
      `The interchange is a ${describe(input)}; expected text or bytes (Uint8Array).`,
    );
  }
  const decoder = new ChunkDecoder(encoding);
  return decoder.decode(input) + decoder.flush();
}

/** Checks that a stream source can be iterated before the first `for await` would throw a TypeError. */
export function assertChunkSource(
  source: unknown,
): asserts source is AsyncIterable<unknown> | Iterable<unknown> {
  const candidate = source as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null;
  const iterable =
    candidate !== null &&
    (typeof candidate === 'object' || typeof candidate === 'function') &&
    (typeof candidate[Symbol.asyncIterator] === 'function' ||
      typeof candidate[Symbol.iterator] === 'function');
  if (!iterable || typeof source === 'string') {
    throw new EdiSyntaxError(
      'invalid-input',
      `The interchange stream is a ${describe(source)}; expected an async iterable of bytes or text chunks.`,
    );
  }
}
