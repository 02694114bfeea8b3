import type { UserRow } from '@waybill/store';
import type { Context } from 'hono';
import type { Permission } from '../http/permissions.js';

/** Who is calling: the signed-in user, how they proved it, and what they may do. */
export interface Principal {
  user: UserRow;
  via: 'session' | 'token';
  /** The API token's id, for a token. */
  tokenId?: string;
  /** The session's token hash, for a browser session (to end it on sign-out). */
  sessionHash?: string;
  permissions: ReadonlySet<Permission>;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | undefined;
  }
}

/**
 * The caller of a request, once `authenticate` has run; undefined for an anonymous caller.
 *
 * @example
 * const who = principalOf(c)?.user.email;
 */
export function principalOf(c: Context): Principal | undefined {
  return c.get('principal');
}

/**
 * The caller on routes that need one (every route but the public ones): the permission check has
 * already refused anonymous callers.
 *
 * @example
 * const { user } = signedIn(c);
 */
export function signedIn(c: Context): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error('signedIn() was called on a route that lets anonymous callers in.');
  return principal;
}

/**
 * The name the audit log records for the caller: their email, or "anonymous".
 *
 * @example
 * await store.audit.append({ actor: actorOf(c), action: 'flow.deploy', ... });
 */
export function actorOf(c: Context): string {
  return c.get('principal')?.user.email ?? 'anonymous';
}

/**
 * The partner a caller is confined to, if any: partner accounts see only their partner's flows,
 * executions and credentials.
 *
 * @example
 * await store.flows.list(scopeOf(c));
 */
export function scopeOf(c: Context): { partnerId?: string } {
  const partnerId = c.get('principal')?.user.partnerId;
  return partnerId ? { partnerId } : {};
}
