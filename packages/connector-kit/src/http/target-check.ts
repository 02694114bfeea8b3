import { lookup } from 'node:dns/promises';
import { systemError, userError } from '../errors.js';
import { type AddressClass, classifyAddress, isIpAddress, isMetadataHostname } from './address-policy.js';
import { effectivePort, isHostAllowed } from './allowed-hosts.js';

/**
 * Resolves a host name to every address it may connect to.
 *
 * @example
 * const resolve: HostResolver = async (host) => (host === 'api.example.com' ? ['93.184.216.34'] : []);
 */
export type HostResolver = (host: string) => Promise<string[]>;

/**
 * The default resolver: the system's resolver (getaddrinfo, as Node's own connections use), every
 * address.
 *
 * @example
 * await systemResolver('localhost'); // ['127.0.0.1', '::1']
 */
export const systemResolver: HostResolver = async (host) => {
  const addresses = await lookup(host, { all: true, verbatim: true });
  return addresses.map((entry) => entry.address);
};

/**
 * Parses a request URL: absolute, http or https, no user:password part.
 *
 * @example
 * parseTargetUrl('https://api.example.com/orders?page=2').hostname; // 'api.example.com'
 * parseTargetUrl('file:///etc/passwd'); // throws WaybillError INVALID_URL
 */
export function parseTargetUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw userError({
      code: 'INVALID_URL',
      message: `"${String(url).slice(0, 200)}" is not an absolute URL; write it as https://host/path.`,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw userError({
      code: 'INVALID_URL',
      message: `The URL scheme "${parsed.protocol.replace(/:$/, '')}" is not supported; only http and https URLs can be called.`,
    });
  }
  if (parsed.username || parsed.password) {
    throw userError({
      code: 'INVALID_URL',
      message: `The URL for ${parsed.hostname} contains a user name or password; put them into a credential instead.`,
    });
  }
  return parsed;
}

/**
 * Refuses a target that resolves to a private, loopback, link-local or otherwise special address
 * unless its host is in `allowedHosts`; cloud metadata endpoints are refused even then. Every
 * resolved address must pass, because the connection may use any of them.
 *
 * This is the early check, made before a request is sent and on every redirect hop, so a refusal
 * names the host and says how to allow it. The connection itself does not trust it: the default
 * transport resolves again when it opens a socket and dials only addresses that pass the same
 * policy (see pinned-connect.ts), so a DNS answer that changes in between (DNS rebinding) cannot
 * steer a connection to a private address.
 *
 * @example
 * await checkTarget(new URL('http://127.0.0.1:8069/'), { allowedHosts: ['127.0.0.1'], resolve: systemResolver, signal });
 */
export async function checkTarget(
  url: URL,
  options: { allowedHosts: readonly string[]; resolve: HostResolver; signal: AbortSignal },
): Promise<void> {
  await resolveTarget(url, options);
}

/**
 * Resolves a target's host once and returns its addresses, each checked with the policy of
 * {@link checkTarget}; throws BLOCKED_ADDRESS (or NETWORK when the name does not resolve) otherwise.
 * An IP address in the URL is checked as is, without asking DNS.
 *
 * @example
 * await resolveTarget(new URL('https://api.example.com/'), { allowedHosts: [], resolve: systemResolver });
 * // ['93.184.216.34']
 */
export async function resolveTarget(
  url: URL,
  options: { allowedHosts: readonly string[]; resolve: HostResolver; signal?: AbortSignal },
): Promise<string[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isMetadataHostname(host)) {
    throw blockedError(url, {
      address: host,
      range: 'metadata',
      blocked: true,
      metadata: true,
      description: 'a cloud metadata endpoint',
    });
  }
  const addresses = isIpAddress(host) ? [host] : await resolveHost(host, options);
  let allowed: boolean | undefined;
  for (const address of addresses) {
    const found = classifyAddress(address);
    if (found.metadata) throw blockedError(url, found);
    if (found.blocked) {
      allowed ??= isHostAllowed(url, options.allowedHosts);
      if (!allowed) throw blockedError(url, found);
    }
  }
  return addresses;
}

async function resolveHost(
  host: string,
  options: { resolve: HostResolver; signal?: AbortSignal },
): Promise<string[]> {
  const { signal } = options;
  signal?.throwIfAborted();
  let addresses: string[];
  try {
    addresses = signal ? await raceSignal(options.resolve(host), signal) : await options.resolve(host);
  } catch (error) {
    if (signal?.aborted) throw error;
    const code = (error as { code?: unknown }).code;
    throw systemError({
      code: 'NETWORK',
      message: `The host name "${host}" could not be resolved${typeof code === 'string' ? ` (${code})` : ''}; check the URL, or retry if DNS was briefly unavailable.`,
      upstream: typeof code === 'string' ? { code } : undefined,
    });
  }
  if (addresses.length === 0) {
    throw systemError({
      code: 'NETWORK',
      message: `The host name "${host}" resolved to no address; check the URL.`,
    });
  }
  return addresses;
}

/** dns.lookup cannot be cancelled; racing it keeps the time limit honest. */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function blockedError(url: URL, found: AddressClass) {
  const host = url.hostname;
  const subject = found.address === host.replace(/^\[(.*)\]$/, '$1') ? host : `${host} (${found.address})`;
  const message = found.metadata
    ? `Refused to call ${subject}: it is ${found.description}, which flows may never reach.`
    : `Refused to call ${subject}: it is ${found.description}, which flows may not reach. ` +
      `If this host is meant to be reachable (a simulator or an on-premises system), add "${host}" ` +
      `(or "${host}:${effectivePort(url)}" for this port only) to the allowed hosts of the credential the node uses.`;
  return userError({
    code: 'BLOCKED_ADDRESS',
    message,
    details: { host, address: found.address, range: found.range },
  });
}
