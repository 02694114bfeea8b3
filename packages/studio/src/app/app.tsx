import { Suspense, useEffect } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { ChangePasswordPage } from '../pages/change-password-page.js';
import { SignInPage } from '../pages/sign-in-page.js';
import { useSession } from '../session/session-store.js';
import { ErrorBoundary } from '../ui/error-boundary.js';
import { routes } from './routes.js';
import { Shell } from './shell.js';

/** The studio: sign-in until someone is signed in, then the pages their role may see. */
export function App() {
  const session = useSession((state) => state.session);
  const load = useSession((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  if (session.status === 'loading') return <div className="splash">Loading Waybill…</div>;
  if (session.status === 'signed-out') return <SignInPage notice={session.notice} />;
  if (session.user.passwordChangeRequired) return <ChangePasswordPage firstTime />;
  const visible = routes.filter((route) => !route.permission || session.permissions.has(route.permission));
  return (
    <Shell routes={visible}>
      <ErrorBoundary>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Switch>
            {visible.map((route) => (
              <Route key={route.path} path={route.path} component={route.component} />
            ))}
            <Route path="/account/password">
              <ChangePasswordPage />
            </Route>
            <Route>
              <Redirect to="/flows" />
            </Route>
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </Shell>
  );
}
