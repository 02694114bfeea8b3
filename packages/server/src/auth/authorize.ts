import type { Context } from 'hono';
import { ApiError } from '../http/api-error.js';
import type { RouteSpec } from '../http/route.js';
import { rolesWith } from './roles.js';

// What someone with a one-time password may still do: see who they are, choose their own
// password, sign out.
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set(['getCurrentUser', 'changePassword', 'signOut']);

/**
 * Refuses a request the caller may not make: 401 when nobody is signed in, 403 when their role
 * lacks the route's permission. Runs before the request is validated, so a refused caller learns
 * nothing from validation errors.
 *
 * @example
 * authorize(route, c); // throws ApiError(403, 'FORBIDDEN', …) for a viewer deploying
 */
export function authorize(route: RouteSpec, c: Context): void {
  if (route.permission === 'public') return;
  const principal = c.get('principal');
  if (!principal) {
    throw new ApiError(
      401,
      'SIGN_IN_REQUIRED',
      'Sign in first, or send an API token in the Authorization header ("Bearer wbt_…").',
    );
  }
  // Only the session signed in with the one-time password is held back: an API token was issued
  // on purpose (by the user, an admin or `waybill tokens create`) and stands on its own.
  if (
    principal.via === 'session' &&
    principal.user.passwordChangeRequired &&
    !WHILE_PASSWORD_CHANGE_REQUIRED.has(route.operationId)
  ) {
    throw new ApiError(
      403,
      'PASSWORD_CHANGE_REQUIRED',
      'You signed in with a one-time password: choose your own (POST /api/auth/password) before anything else.',
    );
  }
  if (principal.permissions.has(route.permission)) return;
  const roles = rolesWith(route.permission);
  const partner = principal.user.partnerId !== null && roles.includes(principal.user.role);
  throw new ApiError(
    403,
    'FORBIDDEN',
    partner
      ? `"${route.summary}" is not open to partner accounts.`
      : `"${route.summary}" needs the ${roles.join(' or ')} role; yours is ${principal.user.role}.`,
  );
}
