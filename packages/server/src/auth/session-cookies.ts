import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'waybill_session';
/** Readable by the studio's script, which echoes it in the x-csrf-token header of every change. */
export const CSRF_COOKIE = 'waybill_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Whether the browser reached us over TLS, directly or through a proxy that says so. Only ever
 * used to make cookies stricter (Secure), so a forged header can do no harm.
 */
export function isSecureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/**
 * Sets the session cookie (HttpOnly: script cannot read it) and the CSRF cookie beside it.
 * SameSite=Lax keeps the session off cross-site subrequests and form posts; the CSRF token
 * covers what Lax lets through.
 *
 * @example
 * setSessionCookies(c, { session: 'wbs_…', csrf: 'wbc_…', maxAgeSeconds: 43_200 });
 */
export function setSessionCookies(
  c: Context,
  input: { session: string; csrf: string; maxAgeSeconds: number },
): void {
  const secure = isSecureRequest(c);
  setCookie(c, SESSION_COOKIE, input.session, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: input.maxAgeSeconds,
  });
  setCookie(c, CSRF_COOKIE, input.csrf, {
    httpOnly: false,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: input.maxAgeSeconds,
  });
}

/** Clears both cookies (sign-out, password change elsewhere). */
export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
