import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { type HostResolver, resolveTarget } from './target-check.js';

/**
 * undici's connector: opens the socket for one connection of a pool, given the origin's parts.
 *
 * @example
 * const connector: Connector = buildConnector({ timeout: 10_000 });
 */
export type Connector = buildConnector.connector;

/**
 * Options of {@link createPinnedConnector}.
 *
 * @example
 * const options: PinnedConnectorOptions = { allowedHosts: ['127.0.0.1'], resolve: systemResolver };
 */
export interface PinnedConnectorOptions {
  /** The allowed hosts every connection made through this connector is judged by. */
  allowedHosts: readonly string[];
  resolve: HostResolver;
  /** Opens the socket to an address that passed; undici's own connector by default. */
  connector?: Connector;
}

/** Errors after which the next checked address is tried, as Node does for a name with several. */
const TRY_NEXT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A connector that closes the DNS rebinding gap: for every new connection it resolves the host
 * once, refuses (BLOCKED_ADDRESS) unless every address passes the same policy as checkTarget
 * under `allowedHosts`, and then dials one of those very addresses, never the name. So the address
 * a socket is connected to has always passed the check, whatever DNS answered the early check.
 *
 * The name stays the TLS server name: SNI and the certificate check use it, not the address.
 * The policy is fixed per connector because undici pools connections per origin and reuses them
 * across requests; a pool must only hold connections that every request it serves may use.
 *
 * @example
 * const agent = new Agent({ connect: createPinnedConnector({ allowedHosts: [], resolve: systemResolver }) });
 */
export function createPinnedConnector(options: PinnedConnectorOptions): Connector {
  const allowedHosts = Object.freeze([...options.allowedHosts]);
  const { resolve } = options;
  const connector = options.connector ?? buildConnector({});
  return (target, callback) => {
    let url: URL;
    try {
      url = originOf(target);
    } catch (error) {
      callback(error as Error, null);
      return;
    }
    resolveTarget(url, { allowedHosts, resolve }).then(
      (addresses) => {
        const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
        const servername = target.servername || (isIP(hostname) ? undefined : hostname);
        dialInTurn(connector, { ...target, servername }, addresses, callback);
      },
      (error: Error) => callback(error, null),
    );
  };
}

function dialInTurn(
  connector: Connector,
  target: buildConnector.Options,
  addresses: readonly string[],
  callback: buildConnector.Callback,
): void {
  const [address, ...rest] = addresses;
  if (address === undefined) {
    // resolveTarget never returns an empty list; failing beats leaving the connection pending.
    callback(new Error(`No address to connect to for ${target.hostname}.`), null);
    return;
  }
  connector({ ...target, hostname: address }, (...result) => {
    const [error] = result;
    if (error && rest.length > 0 && TRY_NEXT.has(codeOf(error))) {
      dialInTurn(connector, target, rest, callback);
      return;
    }
    callback(...result);
  });
}

/** The origin undici is connecting to, as a URL the allowed-hosts rules understand. */
function originOf(target: buildConnector.Options): URL {
  const host = isIP(target.hostname) === 6 ? `[${target.hostname}]` : target.hostname;
  return new URL(`${target.protocol}//${host}${target.port ? `:${target.port}` : ''}`);
}

function codeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}
