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
 * The default resolver: the system's resolver (the one `fetch` itself uses), every address.
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
 * The check and the connection resolve separately (fetch resolves again), so a DNS server that
 * answers differently the second time (DNS rebinding) can still steer the connection; pinning the
 * connection to the checked address needs a custom dispatcher and is a later step.
 *
 * @example
 * await checkTarget(new URL('http://127.0.0.1:8069/'), { allowedHosts: ['127.0.0.1'], resolve: systemResolver, signal });
 */
export async function checkTarget(
  url: URL,
  options: { allowedHosts: readonly string[]; resolve: HostResolver; signal: AbortSignal },
): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const allowed = isHostAllowed(url, options.allowedHosts);
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
  for (const address of addresses) {
    const found = classifyAddress(address);
    if (found.metadata || (found.blocked && !allowed)) throw blockedError(url, found);
  }
}

async function resolveHost(
  host: string,
  options: { resolve: HostResolver; signal: AbortSignal },
): Promise<string[]> {
  options.signal.throwIfAborted();
  let addresses: string[];
  try {
    // dns.lookup cannot be cancelled; racing it keeps the time limit honest.
    addresses = await new Promise<string[]>((resolve, reject) => {
      const onAbort = () => reject(options.signal.reason);
      options.signal.addEventListener('abort', onAbort, { once: true });
      options.resolve(host).then(
        (result) => {
          options.signal.removeEventListener('abort', onAbort);
          resolve(result);
        },
        (error: unknown) => {
          options.signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
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
