import type { IncomingHttpHeaders } from 'node:http';
import { Agent } from 'undici';
import { decodeContent } from './content-coding.js';
import type { HttpTransport, TransportRequest, TransportResponse } from './http-transport.js';
import { type Connector, createPinnedConnector } from './pinned-connect.js';
import { type HostResolver, systemResolver } from './target-check.js';

/**
 * Options of {@link createUndiciTransport}.
 *
 * @example
 * const options: UndiciTransportOptions = { resolve: systemResolver };
 */
export interface UndiciTransportOptions {
  /** Resolves host names for the connection-time check; the system resolver by default. */
  resolve?: HostResolver;
  /** Opens a socket to a checked address; undici's own by default (tests record the address instead). */
  connector?: Connector;
  /** Connection pools kept, one per distinct allowed-hosts list; the least recently used is closed (32). */
  maxPools?: number;
}

/**
 * The default transport, with `close()` to end its idle connections.
 *
 * @example
 * await transport.close();
 */
export type UndiciTransport = HttpTransport & { close(): Promise<void> };

/**
 * Headers fetch sent on its own; kept so upstreams see the same requests as before the switch
 * (some APIs refuse a request without user-agent). The caller's own values win.
 */
const DEFAULT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['accept', '*/*'],
  ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];

const DEFAULT_MAX_POOLS = 32;

/**
 * The outbound transport: undici's request API over keep-alive connection pools whose sockets are
 * opened by the pinned connector, so every connection goes to an address that passed the address
 * policy at connect time (see pinned-connect.ts). Bodies arrive decoded (gzip, deflate, br).
 *
 * Pools are kept per allowed-hosts list, not per request: undici reuses a connection for every
 * request to the same origin, so a connection opened for a credential that allows a private host
 * must never serve a request whose credential does not. Most requests carry no allowed hosts and
 * share one pool set; each credential that allows hosts gets its own.
 *
 * @example
 * const transport = createUndiciTransport();
 * const client = createHttpClient({ transport });
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const resolve = options.resolve ?? systemResolver;
  const maxPools = options.maxPools ?? DEFAULT_MAX_POOLS;
  const agents = new Map<string, Agent>();

  const agentFor = (allowedHosts: readonly string[]): Agent => {
    // JSON keeps lists distinct that a joined string would not (entries may contain anything).
    const key = allowedHosts.length === 0 ? '' : JSON.stringify(allowedHosts);
    let agent = agents.get(key);
    if (agent) {
      // Map order is insertion order: re-inserting keeps the least recently used first.
      agents.delete(key);
    } else {
      agent = new Agent({
        connect: createPinnedConnector({ allowedHosts, resolve, connector: options.connector }),
      });
      const oldest = agents.size >= maxPools ? agents.entries().next().value : undefined;
      if (oldest) {
        agents.delete(oldest[0]);
        // close() lets requests already dispatched on it finish.
        oldest[1].close().catch(() => undefined);
      }
    }
    agents.set(key, agent);
    return agent;
  };

  const send = async (hop: TransportRequest): Promise<TransportResponse> => {
    const response = await agentFor(hop.allowedHosts).request({
      origin: hop.url.origin,
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method,
      headers: outgoingHeaders(hop.headers),
      body: hop.body,
      signal: hop.signal,
    });
    const headers = flattenHeaders(response.headers);
    // Destroying a body before its end makes undici emit an abort error on it; readers see errors
    // through iteration, so an unread one must not surface as an uncaught exception.
    response.body.on('error', ignore);
    const body = decodeContent(response.body, {
      method: hop.method,
      status: response.statusCode,
      contentEncoding: headers['content-encoding'],
    });
    if (body !== response.body) body.on('error', ignore);
    return { status: response.statusCode, headers, body };
  };

  return Object.assign(send, {
    close: async () => {
      const closing = [...agents.values()].map((agent) => agent.close());
      agents.clear();
      await Promise.all(closing);
    },
  });
}

function ignore(): void {}

function outgoingHeaders(headers: Record<string, string>): Record<string, string> {
  const outgoing: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // fetch never let a caller choose Host; the URL alone decides which site is asked.
    if (name !== 'host') outgoing[name] = value;
  }
  for (const [name, value] of DEFAULT_HEADERS) outgoing[name] ??= value;
  return outgoing;
}

/**
 * undici gives repeated headers as arrays; they are joined with ", " as fetch's Headers did, and
 * set-cookie keeps its last value, which is what iterating fetch's Headers into a record gave.
 * Names are sorted as fetch's Headers iterated them, so recorded outputs keep their shape.
 */
function flattenHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(raw).sort()) {
    const value = raw[name];
    if (value === undefined) continue;
    if (typeof value === 'string') headers[name] = value;
    else headers[name] = name === 'set-cookie' ? (value[value.length - 1] ?? '') : value.join(', ');
  }
  return headers;
}
