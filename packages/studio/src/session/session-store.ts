import { create } from 'zustand';
import { ApiError, api, whenSignedOut } from '../api/client.js';
import type { User } from '../api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; user: User; permissions: ReadonlySet<string> };

interface SessionStore {
  session: SessionState;
  /** Asks the server who is signed in (on start, after a reload). */
  load(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  changePassword(newPassword: string, currentPassword?: string): Promise<void>;
}

interface Me {
  user: User;
  permissions: string[];
}

/**
 * Who is signed in and what they may do. The studio hides or disables what a role may not do;
 * the server refuses it anyway.
 */
export const useSession = create<SessionStore>((set, get) => ({
  session: { status: 'loading' },
  async load() {
    try {
      const me = await api<Me>('GET', '/api/auth/me');
      set({ session: { status: 'signed-in', user: me.user, permissions: new Set(me.permissions) } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) set({ session: { status: 'signed-out' } });
      else if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED')
        set({ session: { status: 'signed-out' } });
      else throw error;
    }
  },
  async signIn(email, password) {
    await api('POST', '/api/auth/sign-in', { email, password });
    await get().load();
  },
  async signOut() {
    await api('POST', '/api/auth/sign-out').catch(() => undefined);
    set({ session: { status: 'signed-out', notice: 'You are signed out.' } });
  },
  async changePassword(newPassword, currentPassword) {
    await api('POST', '/api/auth/password', {
      newPassword,
      ...(currentPassword ? { currentPassword } : {}),
    });
    await get().load();
  },
}));

whenSignedOut(() => {
  if (useSession.getState().session.status === 'signed-in') {
    useSession.setState({ session: { status: 'signed-out', notice: 'Your session ended; sign in again.' } });
  }
});

/**
 * Whether the signed-in user holds a permission (e.g. 'flows:deploy').
 *
 * @example
 * const canDeploy = useCan('flows:deploy');
 */
export function useCan(permission: string): boolean {
  return useSession(
    (state) => state.session.status === 'signed-in' && state.session.permissions.has(permission),
  );
}
