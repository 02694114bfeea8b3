import type { Role, User } from '../api/types.js';
import { formatTime } from './format.js';
import { ROLES } from './user-invite-form.js';

/** Users with their roles; an admin changes a role, disables or enables, and resets passwords here. */
export function UserTable({
  users,
  me,
  busy,
  onChange,
  onReset,
}: {
  users: User[];
  me: string | undefined;
  busy: boolean;
  onChange(user: User, patch: { role?: Role; disabled?: boolean }): void;
  onReset(user: User): void;
}) {
  return (
    <table className="table users-table">
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Role</th>
          <th scope="col">Partner</th>
          <th scope="col">State</th>
          <th scope="col">Last sign-in</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} className={user.disabled ? 'disabled-row' : ''}>
            <td>
              {user.name}
              {user.id === me ? <span className="tag">you</span> : null}
              <div className="muted">{user.email}</div>
            </td>
            <td>
              <label className="sr-label">
                <span className="sr-only">Role of {user.email}</span>
                <select
                  value={user.role}
                  disabled={busy}
                  onChange={(e) => onChange(user, { role: e.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </label>
            </td>
            <td>{user.partnerId ?? <span className="muted">—</span>}</td>
            <td>
              {user.disabled ? (
                <span className="status failed">disabled</span>
              ) : user.passwordChangeRequired ? (
                <span className="status waiting">one-time password</span>
              ) : (
                <span className="status succeeded">active</span>
              )}
            </td>
            <td>{formatTime(user.lastSignInAt)}</td>
            <td>
              <div className="row">
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                  onClick={() => onChange(user, { disabled: !user.disabled })}
                >
                  {user.disabled ? 'Enable' : 'Disable'}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Reset password of ${user.email}`}
                  onClick={() => onReset(user)}
                >
                  Reset password
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
