import { type Store, StoreConflictError, type UserRow } from '@waybill/store';
import { createAccount } from './account-admin.js';
import { hashSecret } from './secret-tokens.js';

export type FirstAdmin =
  | { email: string; oneTimePassword: string; expiresAt: string }
  | { email: string; bootstrapToken: true };

/**
 * On the first start with an empty database, creates the admin: with a one-time password to print
 * (there is no default password), or, for unattended installs, with the API token given in
 * WAYBILL_BOOTSTRAP_TOKEN. Does nothing once any user exists; when two servers start at once on
 * one empty database, one of them creates the admin.
 *
 * @example
 * const admin = await ensureFirstAdmin(store, { email: 'admin@localhost', now: Date.now() });
 * if (admin && 'oneTimePassword' in admin) console.log(admin.oneTimePassword);
 */
export async function ensureFirstAdmin(
  store: Store,
  options: { email: string; bootstrapToken?: string | undefined; now: number },
): Promise<FirstAdmin | undefined> {
  if ((await store.accounts.countUsers()) > 0) return undefined;
  try {
    const created: { user: UserRow; oneTimePassword?: string; expiresAt?: string } = options.bootstrapToken
      ? await withBootstrapToken(store, options.email, options.bootstrapToken)
      : await createAccount(store, { email: options.email, name: 'Admin', role: 'admin' }, options.now);
    await store.audit.append({
      actor: 'system',
      action: 'user.create',
      targetType: 'user',
      targetId: created.user.id,
      details: {
        email: created.user.email,
        role: 'admin',
        via: options.bootstrapToken ? 'bootstrap-token' : 'first-start',
      },
    });
    return created.oneTimePassword && created.expiresAt
      ? { email: created.user.email, oneTimePassword: created.oneTimePassword, expiresAt: created.expiresAt }
      : { email: created.user.email, bootstrapToken: true };
  } catch (error) {
    if (error instanceof StoreConflictError) return undefined;
    throw error;
  }
}

async function withBootstrapToken(store: Store, email: string, token: string): Promise<{ user: UserRow }> {
  const user = await store.accounts.createUser({ email, name: 'Admin', role: 'admin' });
  await store.accounts.createToken({
    id: 'tok_bootstrap',
    userId: user.id,
    name: 'WAYBILL_BOOTSTRAP_TOKEN',
    tokenHash: hashSecret(token),
  });
  return { user };
}
