import type { TransportBody, TransportResponse } from './http-transport.js';

/**
 * Test helpers: answers for a fake HttpTransport, written as WHATWG `Response`s because
 * they are the shortest way to describe a status, headers and a (possibly endless) body.
 */

/**
 * Turns a `Response` into what a transport returns: lower-case headers and a body that streams
 * the response's and cancels it on `destroy()`.
 *
 * @example
 * const transport: HttpTransport = async () => fromResponse(Response.json({ id: 7 }, { status: 201 }));
 */
export function fromResponse(response: Response): TransportResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: streamBody(response.body) };
}

function streamBody(stream: ReadableStream<Uint8Array> | null): TransportBody {
  const reader = stream?.getReader();
  let destroyed = false;
  return {
    async *[Symbol.asyncIterator]() {
      if (!reader) return;
      while (!destroyed) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      reader?.cancel().catch(() => undefined);
    },
  };
}
