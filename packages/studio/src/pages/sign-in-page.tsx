import { type FormEvent, useState } from 'react';
import { useSession } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';

/** Email and password; the first admin signs in here with the one-time password `waybill start` printed. */
export function SignInPage({ notice }: { notice?: string | undefined }) {
  const signIn = useSession((state) => state.signIn);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="center-card">
      <form className="card narrow" onSubmit={submit} aria-label="Sign in">
        <h1>Sign in to Waybill</h1>
        {notice ? <div className="banner info">{notice}</div> : null}
        <ErrorBanner error={error} />
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="hint">
          First start? Use the one-time password <code>waybill start</code> printed; lost it? Run{' '}
          <code>waybill users reset-password --email &lt;you&gt;</code>.
        </p>
      </form>
    </div>
  );
}
