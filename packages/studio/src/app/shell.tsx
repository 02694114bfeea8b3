import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../session/session-store.js';
import type { StudioRoute } from './routes.js';

/** The frame around every page: the sidebar of pages the role may see, and who is signed in. */
export function Shell({ routes, children }: { routes: StudioRoute[]; children: ReactNode }) {
  const [location] = useLocation();
  const session = useSession((state) => state.session);
  const signOut = useSession((state) => state.signOut);
  const user = session.status === 'signed-in' ? session.user : undefined;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Pages">
        <div className="brand">Waybill</div>
        {routes
          .filter((route) => route.label)
          .map((route) => (
            <Link
              key={route.path}
              href={route.path}
              className={location === route.path || location.startsWith(`${route.path}/`) ? 'active' : ''}
            >
              {route.label}
            </Link>
          ))}
        <div className="sidebar-foot">
          {user ? (
            <>
              <div className="who" title={user.email}>
                {user.name}
                <span className="role">
                  {user.role}
                  {user.partnerId ? ` · ${user.partnerId}` : ''}
                </span>
              </div>
              <Link href="/account/password">Change password</Link>
              <button type="button" className="link" onClick={() => void signOut()}>
                Sign out
              </button>
            </>
          ) : null}
        </div>
      </nav>
      <main className="page">{children}</main>
    </div>
  );
}
