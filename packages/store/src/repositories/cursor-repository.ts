import type { StoreContext } from '../store-context.js';
import type { CursorRepository } from '../store-types.js';

/**
 * Small durable values by key: where a polling trigger got to, when a schedule last ran. Keys
 * belonging to a flow start with `<flowId>:` (see flowCursorKey) so they go when the flow does.
 *
 * @example
 * await cursors.set('orders:poll', { updatedSince: '2025-03-01T00:00:00Z' });
 */
export function createCursorRepository(context: StoreContext): CursorRepository {
  const { db } = context;

  return {
    async get(key) {
      const row = await db.selectFrom('cursors').select('value').where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },

    async set(key, value) {
      // undefined has no JSON form; store it as null so get() can still tell "set" from "never set".
      const text = JSON.stringify(value ?? null);
      const now = context.nowIso();
      await db
        .insertInto('cursors')
        .values({ key, value: text, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: now }))
        .execute();
    },
  };
}
