import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { Role, User } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';

export const ROLES: Role[] = ['viewer', 'designer', 'operator', 'admin'];

export interface OneTimePassword {
  user: User;
  oneTimePassword: string;
  expiresAt: string;
}

/** Adding a user with a role (and a partner for partner accounts); the server answers a one-time password. */
export function UserInviteForm({
  onInvited,
  onCancel,
}: {
  onInvited(answer: OneTimePassword): void;
  onCancel(): void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [partnerId, setPartnerId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<OneTimePassword>('POST', '/api/users', {
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(partnerId.trim() ? { partnerId: partnerId.trim() } : {}),
      });
      onInvited(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card inline-form" onSubmit={submit} aria-label="Invite user">
      <h2>Invite a user</h2>
      <ErrorBanner error={error} />
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Taken from the email if empty"
        />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        Partner (for a trading partner's people; empty for your own)
        <input value={partnerId} onChange={(e) => setPartnerId(e.target.value)} placeholder="acme-foods" />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Invite
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
