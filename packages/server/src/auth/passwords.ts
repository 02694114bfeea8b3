import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes with scrypt, a memory-hard function: each guess costs 32 MiB and tens of
 * milliseconds, so a stolen database is slow to attack. The parameters are stored with the hash,
 * so they can be raised later without invalidating existing passwords.
 *
 *   scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>
 */

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { N: 2 ** logN, r, p, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * A hash to store for a password.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple'); // 'scrypt$15$8$1$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether a password matches a stored hash, compared in constant time; a malformed hash matches
 * nothing rather than throwing.
 *
 * @example
 * await verifyPassword('correct horse battery staple', stored); // true
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (!logN || !r || !p || logN > 20 || r > 32 || p > 4) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== KEY_BYTES) return false;
  return timingSafeEqual(await derive(password, salt, logN, r, p), expected);
}

/**
 * Checks a new password against the minimum the sign-in page states.
 *
 * @example
 * passwordProblem('short'); // 'A password needs at least 12 characters.'
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'A password needs at least 12 characters.';
  if (password.length > 1024) return 'A password may have at most 1,024 characters.';
  return undefined;
}
