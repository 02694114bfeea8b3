import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalizeModule from 'canonicalize';

// canonicalize is CommonJS whose typings declare a default export; depending on the loader the
// function arrives directly or under `default`.
const canonicalize: (input: unknown) => string | undefined =
  typeof canonicalizeModule === 'function'
    ? canonicalizeModule
    : (canonicalizeModule as unknown as { default: (input: unknown) => string | undefined }).default;

/**
 * RFC 8785 canonical JSON: keys sorted, no whitespace, numbers in their shortest form. Two values
 * that mean the same thing serialise to the same text, whatever the key order they were written in.
 *
 * @example
 * canonicalJson({ b: 1, a: [true] }); // '{"a":[true],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/**
 * Hex SHA-256 of the canonical JSON of a value.
 *
 * @example
 * contentHash({ a: 1 }) === contentHash(JSON.parse('{ "a" : 1 }')); // true
 */
export function contentHash(value: unknown): string {
  // A pure-JS hash: this package also runs in the studio, where node:crypto does not exist.
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
