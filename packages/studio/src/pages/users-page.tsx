import { useState } from 'react';
import { api } from '../api/client.js';
import type { Role, User } from '../api/types.js';
import { OneTimeSecret } from '../operations/one-time-secret.js';
import { type OneTimePassword, UserInviteForm } from '../operations/user-invite-form.js';
import { UserTable } from '../operations/user-table.js';
import { useCan, useSession } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

/** Users and roles, for admins: invite with a one-time password, change a role, disable, reset. */
export function UsersPage() {
  const canManage = useCan('users:manage');
  const me = useSession((state) =>
    state.session.status === 'signed-in' ? state.session.user.id : undefined,
  );
  const users = useAsync(
    () => (canManage ? api<{ items: User[] }>('GET', '/api/users') : Promise.resolve({ items: [] })),
    [canManage],
  );
  const [inviting, setInviting] = useState(false);
  const [secret, setSecret] = useState<{ answer: OneTimePassword; why: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (!canManage) {
    return (
      <section>
        <h1>Users</h1>
        <p className="banner warn">Only admins manage users.</p>
      </section>
    );
  }

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      users.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const change = (user: User, patch: { role?: Role; disabled?: boolean }) =>
    void act(async () => {
      await api('PATCH', `/api/users/${encodeURIComponent(user.id)}`, patch);
    });
  const reset = (user: User) =>
    void act(async () => {
      const answer = await api<OneTimePassword>(
        'POST',
        `/api/users/${encodeURIComponent(user.id)}/password-reset`,
      );
      setSecret({ answer, why: 'reset' });
    });

  return (
    <section>
      <header className="page-head">
        <h1>Users</h1>
        {!inviting ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setSecret(undefined);
              setInviting(true);
            }}
          >
            Invite user
          </button>
        ) : null}
      </header>
      {inviting ? (
        <UserInviteForm
          onCancel={() => setInviting(false)}
          onInvited={(answer) => {
            setInviting(false);
            setSecret({ answer, why: 'invite' });
            users.reload();
          }}
        />
      ) : null}
      {secret ? (
        <OneTimeSecret
          label={`One-time password for ${secret.answer.user.email}`}
          secret={secret.answer.oneTimePassword}
          note={`Hand it to ${secret.answer.user.name}: it works once, for 24 hours (until ${new Date(secret.answer.expiresAt).toLocaleString()}), and then asks them to choose their own password. It is not shown again.`}
          onDone={() => setSecret(undefined)}
        />
      ) : null}
      <ErrorBanner error={error} />
      <ErrorBanner error={users.error} />
      {users.loading && !users.data ? <p className="muted">Loading users…</p> : null}
      {users.data && users.data.items.length > 0 ? (
        <UserTable users={users.data.items} me={me} busy={busy} onChange={change} onReset={reset} />
      ) : null}
      {users.data && users.data.items.length === 0 ? <p className="muted empty">No users.</p> : null}
    </section>
  );
}
