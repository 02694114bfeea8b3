import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The caller's network address, for the sign-in throttle and the audit log. X-Forwarded-For is
 * believed only when configured (behind a proxy that sets it); otherwise anyone could claim any
 * address and slip past the throttle.
 *
 * @example
 * clientAddress(c, { trustProxy: false }); // '203.0.113.7'
 */
export function clientAddress(c: Context, options: { trustProxy: boolean }): string {
  if (options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
