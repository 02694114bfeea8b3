import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses flows may reach. Deny by default: only addresses ipaddr.js classifies as
 * ordinary `unicast` pass, so new special-purpose ranges (documentation, benchmarking, 240/4…)
 * are refused rather than silently allowed.
 */

/**
 * What an address is and whether flows may call it without an explicit allowance.
 *
 * @example
 * classifyAddress('10.0.0.1'); // { address: '10.0.0.1', range: 'private', blocked: true, metadata: false, description: 'a private network address (RFC 1918)' }
 */
export interface AddressClass {
  address: string;
  /** ipaddr.js range name, or `metadata` for cloud metadata endpoints. */
  range: string;
  blocked: boolean;
  /** Cloud metadata endpoints hand out machine credentials: refused even when allowed. */
  metadata: boolean;
  description: string;
}

/** Instance metadata services (AWS, GCP, Azure, Alibaba, Oracle) and AWS's IPv6 one. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  '169.254.170.2',
  'fd00:ec2::254',
  '100.100.100.200',
  '192.0.0.192',
  '168.63.129.16',
]);

/**
 * Host names that resolve to a metadata service inside a cloud; refused by name so a resolver
 * that answers differently outside the cloud cannot matter.
 *
 * @example
 * isMetadataHostname('metadata.google.internal'); // true
 */
export function isMetadataHostname(hostname: string): boolean {
  return METADATA_HOSTNAMES.has(hostname.toLowerCase().replace(/\.$/, ''));
}

const METADATA_HOSTNAMES = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
]);

/**
 * True when the text is an IPv4 or IPv6 address (brackets allowed), as opposed to a host name.
 *
 * @example
 * isIpAddress('[::1]'); // true
 * isIpAddress('example.com'); // false
 */
export function isIpAddress(text: string): boolean {
  return ipaddr.isValid(unbracket(text));
}

/**
 * Classifies one IP address. IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible,
 * RFC 6145, NAT64 64:ff9b::/96, 6to4) are judged by the IPv4 address inside, so
 * `::ffff:127.0.0.1` is loopback. Unparseable text is blocked.
 *
 * @example
 * classifyAddress('::ffff:7f00:1').blocked; // true (loopback inside)
 * classifyAddress('93.184.216.34').blocked; // false
 */
export function classifyAddress(text: string): AddressClass {
  const address = unbracket(text);
  if (!ipaddr.isValid(address)) {
    return {
      address,
      range: 'invalid',
      blocked: true,
      metadata: false,
      description: 'not a valid IP address',
    };
  }
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const inner = embeddedIPv4(v6);
    if (inner) {
      const innerClass = classifyAddress(inner.toString());
      return innerClass.blocked
        ? { ...innerClass, address, description: `an IPv6 form of ${innerClass.description}` }
        : { ...innerClass, address };
    }
  }
  const canonical = parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
  if (METADATA_ADDRESSES.has(canonical)) {
    return {
      address,
      range: 'metadata',
      blocked: true,
      metadata: true,
      description: 'a cloud metadata endpoint',
    };
  }
  const range = parsed.range();
  const blocked = range !== 'unicast';
  return { address, range, blocked, metadata: false, description: describeRange(range) };
}

function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = v6.parts;
  const fromParts = (high: number | undefined, low: number | undefined) =>
    new ipaddr.IPv4([
      ((high ?? 0) >> 8) & 0xff,
      (high ?? 0) & 0xff,
      ((low ?? 0) >> 8) & 0xff,
      (low ?? 0) & 0xff,
    ]);
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return fromParts(parts[6], parts[7]);
  // Only the well-known NAT64 prefix carries a routable IPv4 address; 64:ff9b:1::/48 is local-use.
  if (range === 'rfc6052' && parts[2] === 0) return fromParts(parts[6], parts[7]);
  if (range === '6to4') return fromParts(parts[1], parts[2]);
  // IPv4-compatible addresses (::a.b.c.d, deprecated) are not in ipaddr.js's table; :: and ::1 are.
  if (parts.slice(0, 6).every((part) => part === 0) && range !== 'unspecified' && range !== 'loopback') {
    return fromParts(parts[6], parts[7]);
  }
  return undefined;
}

function describeRange(range: string): string {
  switch (range) {
    case 'unicast':
      return 'a public address';
    case 'loopback':
      return 'a loopback address';
    case 'private':
      return 'a private network address (RFC 1918)';
    case 'carrierGradeNat':
      return 'a carrier-grade NAT address (100.64.0.0/10)';
    case 'linkLocal':
      return 'a link-local address';
    case 'uniqueLocal':
      return 'a unique-local IPv6 address (fc00::/7)';
    case 'unspecified':
      return 'the unspecified address';
    case 'multicast':
      return 'a multicast address';
    case 'broadcast':
      return 'the broadcast address';
    default:
      return `a special-purpose address (${range})`;
  }
}

function unbracket(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
}
