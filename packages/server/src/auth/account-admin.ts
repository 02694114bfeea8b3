import { randomBytes, randomInt } from 'node:crypto';
import type { ApiTokenRow, Store, UserRole, UserRow } from '@waybill/store';
import { hashPassword } from './passwords.js';
import { ROLES } from './roles.js';
import { newSecret } from './secret-tokens.js';

/** How long a one-time password works: long enough to reach the new user, short enough to go stale. */
export const ONE_TIME_PASSWORD_HOURS = 24;

/** Input an admin got wrong, naming the field; the API answers 400, the CLI prints it. */
export class AccountInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AccountInputError';
  }
}

// No 0/o, 1/l/i: the password is read off a terminal and typed in.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password that is easy to type: five groups of four characters, about 98 bits.
 *
 * @example
 * newOneTimePassword(); // 'k7dm-x2qa-9tfr-wnb3-hp4e'
 */
export function newOneTimePassword(): string {
  const groups = Array.from({ length: 5 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export interface OneTimeCredentials {
  user: UserRow;
  /** Shown once to the admin who made it; only its hash is stored. */
  oneTimePassword: string;
  expiresAt: string;
}

/**
 * Creates a user with a one-time password: the admin hands it over, and the user chooses their
 * own at first sign-in. Partner accounts cannot be admins.
 *
 * @example
 * const { user, oneTimePassword } = await createAccount(store, { email: 'ana@acme.test', name: 'Ana', role: 'designer' }, Date.now());
 */
export async function createAccount(
  store: Store,
  input: { email: string; name?: string; role: string; partnerId?: string | null },
  now: number,
): Promise<OneTimeCredentials> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new AccountInputError('email', `"${input.email}" is not an email address.`);
  }
  const role = checkRole(input.role);
  checkPartner(role, input.partnerId ?? null);
  const oneTimePassword = newOneTimePassword();
  const expiresAt = new Date(now + ONE_TIME_PASSWORD_HOURS * 3_600_000).toISOString();
  const user = await store.accounts.createUser({
    email,
    name: input.name?.trim() || email.split('@')[0] || email,
    role,
    partnerId: input.partnerId ?? null,
    passwordHash: await hashPassword(oneTimePassword),
    oneTimeUntil: expiresAt,
  });
  return { user, oneTimePassword, expiresAt };
}

/**
 * Replaces a user's password with a one-time one and signs them out everywhere (a forgotten
 * password, or a suspected leak).
 *
 * @example
 * const { oneTimePassword } = await resetPassword(store, user.id, Date.now());
 */
export async function resetPassword(
  store: Store,
  userId: string,
  now: number,
): Promise<OneTimeCredentials | undefined> {
  const oneTimePassword = newOneTimePassword();
  const expiresAt = new Date(now + ONE_TIME_PASSWORD_HOURS * 3_600_000).toISOString();
  const user = await store.accounts.updateUser(userId, {
    passwordHash: await hashPassword(oneTimePassword),
    oneTimeUntil: expiresAt,
  });
  if (!user) return undefined;
  await store.accounts.deleteSessionsOf(userId);
  return { user, oneTimePassword, expiresAt };
}

/**
 * Issues an API token acting as the user. The secret is returned once; only its hash is stored.
 *
 * @example
 * const { secret } = await issueToken(store, { userId, name: 'CI deploys', expiresInDays: 90 }, Date.now());
 */
export async function issueToken(
  store: Store,
  input: { userId: string; name: string; expiresInDays?: number | undefined },
  now: number,
): Promise<{ token: ApiTokenRow; secret: string }> {
  const { secret, hash } = newSecret('api-token');
  const token = await store.accounts.createToken({
    id: `tok_${randomBytes(8).toString('hex')}`,
    userId: input.userId,
    name: input.name,
    tokenHash: hash,
    expiresAt:
      input.expiresInDays === undefined
        ? null
        : new Date(now + input.expiresInDays * 86_400_000).toISOString(),
  });
  return { token, secret };
}

export function checkRole(role: string): UserRole {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new AccountInputError('role', `"${role}" is not a role; use one of ${ROLES.join(', ')}.`);
  }
  return role as UserRole;
}

export function checkPartner(role: UserRole, partnerId: string | null): void {
  if (partnerId !== null && role === 'admin') {
    throw new AccountInputError(
      'partnerId',
      'A partner account cannot be an admin; give it the designer, operator or viewer role.',
    );
  }
  if (partnerId !== null && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(partnerId)) {
    throw new AccountInputError(
      'partnerId',
      `"${partnerId}" is not a partner id: use lower-case letters, digits and dashes, e.g. acme-foods.`,
    );
  }
}
