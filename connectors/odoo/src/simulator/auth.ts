import { accessDenied } from './errors.js';
import { rowOf } from './orm/rows.js';
import type { Database, SimUser } from './orm/types.js';

const active = (db: Database, user: SimUser) => rowOf(db, 'res.users', user.uid)?.active !== false;

// Odoo accepts an API key wherever RPC takes a password.
const accepts = (user: SimUser, secret: unknown) =>
  typeof secret === 'string' && secret !== '' && (secret === user.password || user.apiKeys.includes(secret));

/** `common.login` / `common.authenticate`: the uid, or false for a wrong login or password. */
export function loginUid(db: Database, login: unknown, password: unknown): number | false {
  for (const user of db.users.values()) {
    if (user.login === login && active(db, user) && accepts(user, password)) return user.uid;
  }
  return false;
}

/** `security.check(db, uid, password)` before every object call. */
export function checkCredentials(db: Database, uid: unknown, password: unknown): number {
  const user = typeof uid === 'number' ? db.users.get(uid) : undefined;
  if (!user || !active(db, user) || !accepts(user, password)) throw accessDenied();
  return user.uid;
}

/** The uid an API key belongs to (JSON-2 bearer authentication). */
export function uidForApiKey(db: Database, key: string): number | undefined {
  for (const user of db.users.values()) if (active(db, user) && user.apiKeys.includes(key)) return user.uid;
  return undefined;
}
