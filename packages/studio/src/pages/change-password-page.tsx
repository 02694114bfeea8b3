import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { useSession } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';

/** Choosing one's own password: required after a one-time password, otherwise from the sidebar. */
export function ChangePasswordPage({ firstTime = false }: { firstTime?: boolean }) {
  const changePassword = useSession((state) => state.changePassword);
  const [, navigate] = useLocation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (next !== repeat) {
      setError(new Error('The two new passwords differ.'));
      return;
    }
    try {
      await changePassword(next, firstTime ? undefined : current);
      setDone(true);
      if (firstTime) navigate('/flows');
    } catch (failure) {
      setError(failure);
    }
  };
  const form = (
    <form className="card narrow" onSubmit={submit} aria-label="Change password">
      <h1>{firstTime ? 'Choose your password' : 'Change password'}</h1>
      {firstTime ? (
        <p className="hint">
          You signed in with a one-time password. Choose your own (at least 12 characters) to go on.
        </p>
      ) : null}
      {done ? (
        <div className="banner info">Your password was changed; your other sessions were signed out.</div>
      ) : null}
      <ErrorBanner error={error} />
      {firstTime ? null : (
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
      )}
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          minLength={12}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </label>
      <label>
        New password again
        <input
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="primary">
        Save password
      </button>
    </form>
  );
  return firstTime ? <div className="center-card">{form}</div> : form;
}
