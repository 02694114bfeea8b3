import type { Kysely } from 'kysely';
import type { Keyring } from './keyring.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-types.js';

/** What every repository needs: the database, which dialect it speaks, the clock and the key. */
export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** Milliseconds, injectable for tests. */
  readonly clock: () => number;
  /** The clock as the store's ISO text. */
  readonly nowIso: () => string;
  /** The master keys credentials are wrapped with (the active one first). */
  keys(): Keyring;
  /** Reads the master keys again (a rotation in another process added one); absent = fixed keys. */
  readonly reloadKeys?: () => Promise<void>;
  /** Makes execution ids that sort by creation time. */
  readonly nextExecutionId: () => string;
}

/**
 * Splits a list into chunks, so `where id in (…)` stays under the dialects' bound-parameter limits.
 *
 * @example
 * chunks([1, 2, 3], 2); // [[1, 2], [3]]
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
