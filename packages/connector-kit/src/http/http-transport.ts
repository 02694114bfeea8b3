/**
 * The seam between the HTTP client and the network. The client decides everything that is policy
 * (address checks, redirects, time and size limits, error mapping); a transport sends exactly one
 * request and hands back the answer as it arrives. The default transport is undici
 * (undici-transport.ts); tests pass a fake to see what the client would send, without traffic.
 */

/**
 * One hop as the client sends it: the method upper-case, header names lower-case, the body
 * already encoded.
 *
 * @example
 * const hop: TransportRequest = { url: new URL('https://api.example.com/orders'), method: 'POST',
 *   headers: { 'content-type': 'application/json' }, body: '{"n":1}', signal, allowedHosts: [] };
 */
export interface TransportRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** Aborts the whole exchange, the body included: the client's time limit and the caller's cancellation. */
  signal: AbortSignal;
  /**
   * The credential's allowed hosts, already enforced by the client's early check. A transport that
   * opens connections applies them again to the address it dials (the default one does).
   */
  allowedHosts: readonly string[];
}

/**
 * A response body as it streams in. `destroy()` stops it early and frees the connection; reading
 * it to the end leaves the connection reusable.
 *
 * @example
 * for await (const chunk of response.body) total += chunk.byteLength;
 */
export interface TransportBody extends AsyncIterable<Uint8Array> {
  destroy(): void;
}

/**
 * The answer to one hop: never a followed redirect. Header names are lower-case; a header sent
 * several times is one value joined with ", ".
 *
 * @example
 * const answer: TransportResponse = { status: 302, headers: { location: '/next' }, body };
 */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: TransportBody;
}

/**
 * Sends one request without following redirects. Network failures reject with the underlying
 * error (its `code`, e.g. ECONNREFUSED, names the reason); an abort rejects once the signal fires.
 *
 * @example
 * const transport: HttpTransport = async (hop) => fromResponse(new Response(null, { status: 204 }));
 */
export type HttpTransport = (request: TransportRequest) => Promise<TransportResponse>;
