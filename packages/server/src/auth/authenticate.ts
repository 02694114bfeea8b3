import { timingSafeEqual } from 'node:crypto';
import type { Store } from '@waybill/store';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/api-error.js';
import { permissionsOf } from './roles.js';
import { hashSecret, looksLike } from './secret-tokens.js';
import { CSRF_HEADER, sessionCookie } from './session-cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds out who is calling: an API token in `Authorization: Bearer wbt_…` (scripts, CI), or the
 * studio's session cookie. A bad token is refused at once (401); a missing or expired session
 * leaves the caller anonymous, and routes that need someone answer 401. Changes made with a
 * session must carry its CSRF token in the x-csrf-token header, so another site cannot make the
 * browser act for the user.
 *
 * @example
 * app.use('/api/*', authenticate({ store }));
 */
export function authenticate(options: { store: Store }): MiddlewareHandler {
  const { accounts } = options.store;
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (!bearer || !looksLike('api-token', bearer)) {
        throw new ApiError(
          401,
          'INVALID_TOKEN',
          'The Authorization header must be "Bearer <API token>", the token starting with wbt_.',
        );
      }
      const found = await accounts.useToken(hashSecret(bearer));
      if (!found) {
        throw new ApiError(
          401,
          'INVALID_TOKEN',
          'The API token is not valid: it is unknown, revoked or expired, or its user is disabled.',
        );
      }
      c.set('principal', {
        user: found.user,
        via: 'token',
        tokenId: found.token.id,
        permissions: permissionsOf(found.user),
      });
      return next();
    }

    const session = sessionCookie(c);
    if (session && looksLike('session', session)) {
      const sessionHash = hashSecret(session);
      const found = await accounts.findSession(sessionHash);
      if (found) {
        if (!SAFE_METHODS.has(c.req.method)) checkCsrf(c.req.header(CSRF_HEADER), found.csrfHash);
        c.set('principal', {
          user: found.user,
          via: 'session',
          sessionHash,
          permissions: permissionsOf(found.user),
        });
      }
    }
    return next();
  };
}

function checkCsrf(presented: string | undefined, expectedHash: string): void {
  const matches =
    presented !== undefined &&
    looksLike('csrf', presented) &&
    timingSafeEqual(Buffer.from(hashSecret(presented)), Buffer.from(expectedHash));
  if (!matches) {
    throw new ApiError(
      403,
      'CSRF_TOKEN_INVALID',
      'This change needs the x-csrf-token header with the value of the waybill_csrf cookie; sign in again if it is missing.',
    );
  }
}
