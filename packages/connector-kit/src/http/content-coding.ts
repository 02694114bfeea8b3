import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Response content codings, decoded the way fetch decodes them (the client used fetch before, and
 * connectors rely on getting plain bodies): gzip, deflate (zlib or raw) and br, lenient about a
 * truncated end as browsers and curl are. Size limits then count decoded bytes, so a small
 * compressed body cannot expand past them unnoticed.
 */

/** More codings than this is an attack, not an API (the limit fetch and curl use). */
const MAX_CODINGS = 5;

/** Statuses whose response has no body to decode. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The body with its content codings undone, or the body itself when there is nothing to decode
 * or a coding is unknown (then it is passed on as sent, like fetch does; `identity` included).
 *
 * @example
 * const body = decodeContent(undiciBody, { method: 'GET', status: 200, contentEncoding: 'gzip' });
 */
export function decodeContent(
  body: Readable,
  response: { method: string; status: number; contentEncoding: string | undefined },
): Readable {
  const { contentEncoding } = response;
  if (!contentEncoding || response.method === 'HEAD' || NULL_BODY_STATUSES.has(response.status)) return body;
  const codings = contentEncoding.toLowerCase().split(',');
  if (codings.length > MAX_CODINGS) {
    body.destroy();
    throw new Error(
      `The response declares ${codings.length} content codings; at most ${MAX_CODINGS} are decoded.`,
    );
  }
  const decoders: Transform[] = [];
  // Codings are listed in the order they were applied, so they are undone from the last.
  for (const coding of codings.reverse()) {
    const decoder = decoderFor(coding.trim());
    if (!decoder) return body;
    decoders.push(decoder);
  }
  // pipeline destroys every stage when one fails or is destroyed, so destroying the decoded end
  // also stops the network body, and a network error reaches the reader through the last stage.
  const decoded = decoders[decoders.length - 1];
  if (!decoded) return body;
  pipeline([body, ...decoders], () => undefined);
  return decoded;
}

function decoderFor(coding: string): Transform | undefined {
  const zlibOptions = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip(zlibOptions);
  if (coding === 'deflate') return new InflateEither(zlibOptions);
  if (coding === 'br') {
    return zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    });
  }
  return undefined;
}

/** "deflate" is meant to be zlib-wrapped, but servers send raw deflate too; the first byte tells. */
class InflateEither extends Transform {
  private inflate: zlib.Inflate | zlib.InflateRaw | undefined;

  constructor(private readonly zlibOptions: zlib.ZlibOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inflate) {
      if (chunk.length === 0) {
        callback();
        return;
      }
      const inflate =
        ((chunk[0] ?? 0) & 0x0f) === 0x08
          ? zlib.createInflate(this.zlibOptions)
          : zlib.createInflateRaw(this.zlibOptions);
      inflate.on('data', (data: Buffer) => this.push(data));
      inflate.on('error', (error) => this.destroy(error));
      this.inflate = inflate;
    }
    this.inflate.write(chunk, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inflate) {
      callback();
      return;
    }
    this.inflate.once('end', () => callback());
    this.inflate.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inflate?.destroy();
    callback(error);
  }
}
