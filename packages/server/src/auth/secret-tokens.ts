import { createHash, randomBytes } from 'node:crypto';

/**
 * Random bearer secrets (API tokens, session cookies, CSRF tokens): 32 random bytes in base64url
 * behind a short prefix saying what they are, so a token pasted into a log or a ticket is
 * recognisable (and a secret scanner can find it). Only their SHA-256 is stored: a random 256-bit
 * secret needs no slow hash, and lookups stay one index probe.
 */

export type SecretKind = 'api-token' | 'session' | 'csrf';

const PREFIX: Record<SecretKind, string> = { 'api-token': 'wbt_', session: 'wbs_', csrf: 'wbc_' };

/**
 * A new secret of a kind, with the hash to store.
 *
 * @example
 * const { secret, hash } = newSecret('api-token'); // secret 'wbt_…' shown once, hash stored
 */
export function newSecret(kind: SecretKind): { secret: string; hash: string } {
  const secret = `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

/**
 * The stored form of a secret presented by a caller.
 *
 * @example
 * await store.accounts.useToken(hashSecret(bearer));
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether a presented value looks like a secret of that kind (cheap to reject before a lookup).
 *
 * @example
 * looksLike('api-token', 'wbt_abc…'); // true
 */
export function looksLike(kind: SecretKind, value: string): boolean {
  return value.startsWith(PREFIX[kind]) && /^[A-Za-z0-9_-]{40,60}$/.test(value.slice(PREFIX[kind].length));
}
