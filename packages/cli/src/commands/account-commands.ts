import { AccountInputError, createAccount, issueToken, resetPassword } from '@waybill/server';
import { type Store, StoreConflictError } from '@waybill/store';
import { CliError } from '../cli-error.js';
import { withConfiguredStore } from '../configured-store.js';

type Print = (text: string) => void;

async function userByEmail(store: Store, email: string) {
  const found = await store.accounts.findForSignIn(email);
  if (!found) throw new CliError(`There is no user with the email "${email}"; see "waybill users list".`);
  return found;
}

/**
 * `waybill users add`: a user with a role and a one-time password to hand over, for admins who
 * manage users from a terminal (or when the studio is not reachable).
 *
 * @example
 * await addUserCommand({ email: 'ana@acme.test', role: 'designer' }, console.log);
 */
export async function addUserCommand(
  options: { email: string; role: string; name?: string; partner?: string },
  print: Print,
): Promise<number> {
  return withConfiguredStore(async (store) => {
    const created = await createAccount(
      store,
      {
        email: options.email,
        role: options.role,
        partnerId: options.partner ?? null,
        ...(options.name ? { name: options.name } : {}),
      },
      Date.now(),
    ).catch((error: unknown) => {
      if (error instanceof AccountInputError || error instanceof StoreConflictError)
        throw new CliError(error.message);
      throw error;
    });
    await store.audit.append({
      actor: 'cli',
      action: 'user.create',
      targetType: 'user',
      targetId: created.user.id,
      details: { email: created.user.email, role: created.user.role, partnerId: created.user.partnerId },
    });
    print(
      `Added ${created.user.email} (${created.user.role}${created.user.partnerId ? `, partner ${created.user.partnerId}` : ''}).`,
    );
    print(`One-time password: ${created.oneTimePassword}`);
    print(`It works once, until ${created.expiresAt}; at sign-in they choose their own.`);
    return 0;
  });
}

/**
 * `waybill users reset-password`: a new one-time password, every session of the user ended. The
 * way back in for an admin who lost their password.
 *
 * @example
 * await resetPasswordCommand({ email: 'admin@localhost' }, console.log);
 */
export async function resetPasswordCommand(options: { email: string }, print: Print): Promise<number> {
  return withConfiguredStore(async (store) => {
    const user = await userByEmail(store, options.email);
    const reset = await resetPassword(store, user.id, Date.now());
    if (!reset) throw new CliError(`The user "${options.email}" was removed meanwhile.`);
    await store.audit.append({
      actor: 'cli',
      action: 'user.password-reset',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email },
    });
    print(`One-time password for ${user.email}: ${reset.oneTimePassword}`);
    print(`It works once, until ${reset.expiresAt}; their other sessions were ended.`);
    return 0;
  });
}

/**
 * `waybill users list`.
 *
 * @example
 * await listUsersCommand(console.log);
 */
export async function listUsersCommand(print: Print): Promise<number> {
  return withConfiguredStore(async (store) => {
    const users = await store.accounts.listUsers();
    if (users.length === 0) print('No users yet: the first `waybill start` creates the admin.');
    for (const user of users) {
      const notes = [
        user.partnerId ? `partner ${user.partnerId}` : '',
        user.disabled ? 'disabled' : '',
        user.passwordChangeRequired ? 'one-time password' : '',
      ]
        .filter(Boolean)
        .join(', ');
      print(`${user.email}  ${user.role}${notes ? `  (${notes})` : ''}`);
    }
    return 0;
  });
}

/**
 * `waybill tokens create`: an API token for a user, printed alone on standard output so a script
 * can capture it (`export WAYBILL_TOKEN=$(waybill tokens create …)`); the note goes to standard error.
 *
 * @example
 * await createTokenCommand({ email: 'admin@localhost', name: 'laptop' }, console.log, console.error);
 */
export async function createTokenCommand(
  options: { email: string; name: string; expiresDays?: string },
  print: Print,
  note: Print,
): Promise<number> {
  const days = options.expiresDays === undefined ? undefined : Number(options.expiresDays);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    throw new CliError(
      `--expires-days must be a whole number of days from 1 to 3650; it is "${options.expiresDays}".`,
    );
  }
  return withConfiguredStore(async (store) => {
    const user = await userByEmail(store, options.email);
    if (user.disabled)
      throw new CliError(`${user.email} is disabled; enable them before giving them a token.`);
    const { token, secret } = await issueToken(
      store,
      { userId: user.id, name: options.name, expiresInDays: days },
      Date.now(),
    );
    await store.audit.append({
      actor: 'cli',
      action: 'token.create',
      targetType: 'token',
      targetId: token.id,
      details: { name: token.name, userId: user.id, expiresAt: token.expiresAt },
    });
    print(secret);
    note(
      `API token ${token.id} "${token.name}" acts as ${user.email} (${user.role})${token.expiresAt ? ` until ${token.expiresAt}` : ''}; it is not shown again. Send it as "Authorization: Bearer <token>".`,
    );
    return 0;
  });
}
