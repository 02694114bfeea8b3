import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import { clientAddress } from '../auth/client-address.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { signedIn } from '../auth/principal.js';
import { newSecret } from '../auth/secret-tokens.js';
import { clearSessionCookies, setSessionCookies } from '../auth/session-cookies.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import { ApiError } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { ErrorResponse, UserView } from './schemas.js';

const Password = Type.String({ minLength: 1, maxLength: 1024 });

const SignedIn = Type.Object({
  user: UserView,
  /** Echo in x-csrf-token on every change; it is also in the waybill_csrf cookie. */
  csrfToken: Type.String(),
  expiresAt: Type.String(),
  passwordChangeRequired: Type.Boolean(),
});

// Checked against when the email is unknown, so a wrong email takes as long as a wrong password
// and response times do not tell which accounts exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  return decoyHash;
};

/** Sign-in and sign-out of the studio, the current user, and choosing one's own password. */
export function authRoutes(deps: ServerDeps, throttle: SignInThrottle) {
  const { store } = deps;

  const startSession = async (c: Context, userId: string) => {
    const session = newSecret('session');
    const csrf = newSecret('csrf');
    const expiresAt = new Date(deps.now() + deps.auth.sessionHours * 3_600_000).toISOString();
    await store.accounts.createSession({
      tokenHash: session.hash,
      csrfHash: csrf.hash,
      userId,
      expiresAt,
    });
    setSessionCookies(c, {
      session: session.secret,
      csrf: csrf.secret,
      maxAgeSeconds: deps.auth.sessionHours * 3600,
    });
    return { csrfToken: csrf.secret, expiresAt };
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      operationId: 'signIn',
      summary: 'Sign in with email and password; sets the session and CSRF cookies',
      tag: 'auth',
      permission: 'public',
      body: Type.Object(
        { email: Type.String({ minLength: 1, maxLength: 254 }), password: Password },
        { additionalProperties: false },
      ),
      responses: {
        200: { description: 'Signed in', schema: SignedIn },
        401: { description: 'Wrong email or password', schema: ErrorResponse },
        429: { description: 'Too many failed attempts; see Retry-After', schema: ErrorResponse },
      },
      handler: async ({ body, c }) => {
        const email = body.email.trim().toLowerCase();
        const address = clientAddress(c, deps.auth);
        await throttle.check(email, address);
        const found = await store.accounts.findForSignIn(email);
        const matches = await verifyPassword(body.password, found?.passwordHash ?? (await decoy()));
        const expired =
          found?.passwordExpiresAt !== null &&
          found?.passwordExpiresAt !== undefined &&
          Date.parse(found.passwordExpiresAt) <= deps.now();
        if (!found || !matches || found.disabled || expired) {
          await throttle.failed(email, address);
          await store.audit.append({
            actor: email,
            action: 'auth.sign-in-failed',
            targetType: 'user',
            targetId: found?.id ?? null,
            details: {
              address,
              reason: !found
                ? 'unknown email'
                : found.disabled
                  ? 'disabled'
                  : expired && matches
                    ? 'one-time password expired'
                    : 'wrong password',
            },
          });
          throw new ApiError(
            401,
            'SIGN_IN_FAILED',
            found && matches && expired && !found.disabled
              ? 'That one-time password has expired; ask an admin to reset your password.'
              : 'The email or password is not right.',
          );
        }
        await throttle.succeeded(email);
        if (found.passwordChangeRequired) {
          // A one-time password works once: this session is where the user chooses their own.
          await store.accounts.updateUser(found.id, {
            passwordHash: null,
            oneTimeUntil: found.passwordExpiresAt ?? new Date(deps.now()).toISOString(),
          });
        }
        await store.accounts.recordSignIn(found.id);
        const session = await startSession(c, found.id);
        await store.audit.append({
          actor: email,
          action: 'auth.sign-in',
          targetType: 'user',
          targetId: found.id,
          details: { address },
        });
        const user = await store.accounts.getUser(found.id);
        return json(200, {
          user,
          ...session,
          passwordChangeRequired: found.passwordChangeRequired,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      operationId: 'signOut',
      summary: 'End this browser session',
      tag: 'auth',
      permission: 'self',
      responses: {
        204: { description: 'Signed out' },
        400: { description: 'The request was made with an API token, not a session', schema: ErrorResponse },
      },
      handler: async ({ c }) => {
        const principal = signedIn(c);
        if (!principal.sessionHash) {
          throw new ApiError(
            400,
            'NOT_A_SESSION',
            'Sign-out ends a browser session; to stop an API token, revoke it (DELETE /api/tokens/{tokenId}).',
          );
        }
        await store.accounts.deleteSession(principal.sessionHash);
        clearSessionCookies(c);
        await store.audit.append({
          actor: principal.user.email,
          action: 'auth.sign-out',
          targetType: 'user',
          targetId: principal.user.id,
        });
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      operationId: 'getCurrentUser',
      summary: 'Who is signed in, how, and what they may do',
      tag: 'auth',
      permission: 'self',
      responses: {
        200: {
          description: 'The caller',
          schema: Type.Object({
            user: UserView,
            via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
            permissions: Type.Array(Type.String()),
          }),
        },
      },
      handler: async ({ c }) => {
        const principal = signedIn(c);
        return json(200, {
          user: principal.user,
          via: principal.via,
          permissions: [...principal.permissions].sort(),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      operationId: 'changePassword',
      summary: 'Choose a new password; signs out every other session',
      tag: 'auth',
      permission: 'self',
      body: Type.Object(
        {
          currentPassword: Type.Optional(Password),
          newPassword: Type.String({ minLength: 1, maxLength: 2048 }),
        },
        { additionalProperties: false },
      ),
      responses: {
        200: {
          description: 'Changed',
          schema: Type.Object({ user: UserView, csrfToken: Type.Optional(Type.String()) }),
        },
        400: { description: 'The new password is too weak', schema: ErrorResponse },
        403: { description: 'The current password is not right', schema: ErrorResponse },
      },
      handler: async ({ body, c }) => {
        const principal = signedIn(c);
        const { user } = principal;
        // After a one-time password the session itself is the proof; otherwise the current
        // password is, so a session left open on a shared screen cannot take the account over.
        if (!user.passwordChangeRequired) {
          const address = clientAddress(c, deps.auth);
          await throttle.check(user.email, address);
          const stored = await store.accounts.findForSignIn(user.email);
          if (
            !body.currentPassword ||
            !(await verifyPassword(body.currentPassword, stored?.passwordHash ?? null))
          ) {
            await throttle.failed(user.email, address);
            throw new ApiError(403, 'WRONG_PASSWORD', 'The current password is not right.', {
              pointer: '/body/currentPassword',
            });
          }
        }
        const problem = passwordProblem(body.newPassword);
        if (problem) throw new ApiError(400, 'WEAK_PASSWORD', problem, { pointer: '/body/newPassword' });
        await store.accounts.updateUser(user.id, { passwordHash: await hashPassword(body.newPassword) });
        await store.accounts.deleteSessionsOf(user.id);
        const session = principal.via === 'session' ? await startSession(c, user.id) : undefined;
        await store.audit.append({
          actor: user.email,
          action: 'auth.password-change',
          targetType: 'user',
          targetId: user.id,
        });
        return json(200, {
          user: await store.accounts.getUser(user.id),
          ...(session ? { csrfToken: session.csrfToken } : {}),
        });
      },
    }),
  ];
}
