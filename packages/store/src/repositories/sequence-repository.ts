import { sql } from 'kysely';
import type { SequenceRepository } from '../document-types.js';
import type { StoreContext } from '../store-context.js';

/**
 * Counters that never repeat a number, each number allocated to a key so a retried step gets
 * the number it took the first time.
 *
 * The increment is one `insert … on conflict do update … returning`, atomic on both databases:
 * SQLite has one writer at a time, and PostgreSQL locks the counter's row for the statement, so
 * concurrent workers each get their own number. The allocation is written after the increment,
 * without a transaction around both (on SQLite a transaction held across awaits would stall
 * other connections to the file): a crash in between leaves a gap, never a repeat, and two
 * callers racing on one key both end up with the number whose allocation was stored first.
 *
 * @example
 * await store.sequences.next('edi:acme:isa', 'ex_1/build#0'); // 1, then 1 again for the same key
 */
export function createSequenceRepository(context: StoreContext): SequenceRepository {
  const { db } = context;

  const allocated = async (scope: string, key: string) => {
    const row = await db
      .selectFrom('sequence_allocations')
      .select('value')
      .where('scope', '=', scope)
      .where('allocation_key', '=', key)
      .executeTakeFirst();
    return row ? Number(row.value) : undefined;
  };

  return {
    async next(scope, allocationKey, options) {
      const existing = await allocated(scope, allocationKey);
      if (existing !== undefined) return existing;
      const start = Math.max(1, Math.floor(options?.start ?? 1));
      const now = context.nowIso();
      const bumped = await sql<{ value: number | string }>`
        insert into sequences (scope, value, updated_at) values (${scope}, ${start}, ${now})
        on conflict (scope) do update set value = sequences.value + 1, updated_at = ${now}
        returning value`.execute(db);
      const value = Number(bumped.rows[0]?.value);
      await db
        .insertInto('sequence_allocations')
        .values({ scope, allocation_key: allocationKey, value, created_at: now })
        .onConflict((oc) => oc.columns(['scope', 'allocation_key']).doNothing())
        .execute();
      return (await allocated(scope, allocationKey)) ?? value;
    },

    async current(scope) {
      const row = await db
        .selectFrom('sequences')
        .select('value')
        .where('scope', '=', scope)
        .executeTakeFirst();
      return row ? Number(row.value) : undefined;
    },
  };
}
