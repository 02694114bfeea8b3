/**
 * Matching a URL against a credential's allowed hosts. Entries are `host` (any port) or
 * `host:port`; a scheme or path in an entry is ignored. Hosts are normalised with the same WHATWG
 * parser as the URL, so `127.1` in an entry matches a URL written `http://127.0.0.1/`.
 */

/**
 * A parsed allowed-hosts entry.
 *
 * @example
 * parseAllowedHost('LocalHost:8069'); // { host: 'localhost', port: '8069' }
 */
export interface AllowedHost {
  host: string;
  /** Undefined: any port. */
  port?: string;
}

/**
 * Parses one entry; undefined when it is not a usable host.
 *
 * @example
 * parseAllowedHost('[::1]:3000');      // { host: '[::1]', port: '3000' }
 * parseAllowedHost('::1');             // { host: '[::1]' }
 * parseAllowedHost('https://api.example.com/v1'); // { host: 'api.example.com' }
 */
export function parseAllowedHost(entry: string): AllowedHost | undefined {
  let text = entry.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  text = text.replace(/[/?#].*$/, '');
  let hostPart = text;
  let port: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return undefined;
    hostPart = text.slice(0, close + 1);
    const rest = text.slice(close + 1);
    if (rest.startsWith(':') && /^\d+$/.test(rest.slice(1))) port = rest.slice(1);
    else if (rest !== '') return undefined;
  } else if (text.split(':').length === 2) {
    const [name, portText] = text.split(':') as [string, string];
    if (!/^\d+$/.test(portText)) return undefined;
    hostPart = name;
    port = portText;
  } else if (text.includes(':')) {
    // A bare IPv6 address such as ::1.
    hostPart = `[${text}]`;
  }
  const host = normaliseHostname(hostPart);
  if (host === undefined) return undefined;
  return port === undefined ? { host } : { host, port: String(Number(port)) };
}

/**
 * True when the URL's host (and port, when the entry names one) is in the list.
 *
 * @example
 * isHostAllowed(new URL('http://127.0.0.1:8069/'), ['127.0.0.1']);      // true
 * isHostAllowed(new URL('http://127.0.0.1:8069/'), ['127.0.0.1:9000']); // false
 */
export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.length === 0) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = effectivePort(url);
  return allowedHosts.some((entry) => {
    const allowed = parseAllowedHost(entry);
    return (
      allowed !== undefined && allowed.host === host && (allowed.port === undefined || allowed.port === port)
    );
  });
}

/**
 * The port a URL connects to, defaults included.
 *
 * @example
 * effectivePort(new URL('https://example.com/')); // '443'
 */
export function effectivePort(url: URL): string {
  if (url.port) return url.port;
  return url.protocol === 'https:' ? '443' : '80';
}

function normaliseHostname(host: string): string | undefined {
  if (host === '') return undefined;
  try {
    return new URL(`http://${host}/`).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}
