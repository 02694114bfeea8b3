import {
  classifyAddress,
  type HostResolver,
  isHostAllowed,
  isIpAddress,
  isMetadataHostname,
  systemError,
  userError,
} from '@waybill/connector-kit';

/**
 * The address rules of HTTP calls, applied to an SFTP server: the host is resolved once, every
 * address it resolves to must be an ordinary public one unless the credential's allowed hosts
 * name the host, and cloud metadata endpoints are refused even then. The connection is then made
 * to the checked addresses, not to the name, so a DNS answer that changes in between cannot
 * steer it to a private address.
 *
 * @example
 * await resolveSftpHost('sftp.partner.example', 22, { allowedHosts: [], resolve: systemResolver }); // ['203.0.113.7']
 * await resolveSftpHost('127.0.0.1', 2222, { allowedHosts: [], resolve: systemResolver });           // throws BLOCKED_ADDRESS
 */
export async function resolveSftpHost(
  host: string,
  port: number,
  options: { allowedHosts: readonly string[]; resolve: HostResolver; signal?: AbortSignal },
): Promise<string[]> {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  let url: URL;
  try {
    url = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}:${port}/`);
  } catch {
    throw userError({
      code: 'INVALID_HOST',
      message: `"${host.slice(0, 200)}" is not a host name or IP address; enter the SFTP server's name (sftp.example.com) or address.`,
    });
  }
  if (isMetadataHostname(bare)) throw blocked(bare, port, bare, 'a cloud metadata endpoint', true);
  const addresses = isIpAddress(bare) ? [bare] : await lookup(bare, options);
  for (const address of addresses) {
    const found = classifyAddress(address);
    if (found.metadata) throw blocked(bare, port, address, found.description, true);
    if (found.blocked && !isHostAllowed(url, options.allowedHosts)) {
      throw blocked(bare, port, address, found.description, false);
    }
  }
  return addresses;
}

async function lookup(
  host: string,
  options: { resolve: HostResolver; signal?: AbortSignal },
): Promise<string[]> {
  options.signal?.throwIfAborted();
  let addresses: string[];
  try {
    addresses = await raced(options.resolve(host), options.signal);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw systemError({
      code: 'NETWORK',
      message: `The host name "${host}" could not be resolved${code ? ` (${code})` : ''}; check the SFTP host of the credential, or retry if DNS was briefly unavailable.`,
      ...(code ? { upstream: { code } } : {}),
    });
  }
  options.signal?.throwIfAborted();
  if (addresses.length === 0) {
    throw systemError({
      code: 'NETWORK',
      message: `The host name "${host}" resolved to no address; check the SFTP host of the credential.`,
    });
  }
  return addresses;
}

function blocked(host: string, port: number, address: string, description: string, metadata: boolean) {
  const subject = address === host ? host : `${host} (${address})`;
  const message = metadata
    ? `Refused to connect to ${subject}: it is ${description}, which flows may never reach.`
    : `Refused to connect to ${subject}: it is ${description}, which flows may not reach. If this SFTP server is meant to be reachable (a test server or an on-premises system), add "${host}" (or "${host}:${port}" for this port only) to the allowed hosts of the credential.`;
  return userError({ code: 'BLOCKED_ADDRESS', message, details: { host, address } });
}

/** dns.lookup cannot be cancelled; racing it keeps the connect deadline honest. */
function raced<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
