import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreContext } from '../store-context.js';
import type { SlotRepository } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

/**
 * Leased concurrency slots, for deployments without Redis: a row per slot held, so every process
 * on the database sees the same count. Expired leases (a worker that died holding them) are
 * dropped by the next acquire of the same key.
 *
 * SQLite runs one writer at a time, so counting live slots and inserting in one statement is
 * atomic, and needs no transaction. PostgreSQL's READ COMMITTED would let two such statements both
 * see room; a transaction-scoped advisory lock on the key serialises acquirers of that key (and
 * only that key) instead.
 *
 * @example
 * const taken = await store.slots.acquire('flow:orders', 'token-1', 2, leaseUntil);
 */
export function createSlotRepository(context: StoreContext): SlotRepository {
  const { db, dialect } = context;

  return {
    async acquire(key, token, limit, leaseUntil) {
      const now = context.nowIso();
      const until = isoTimestamp(leaseUntil, 'leaseUntil');
      const take = async (trx: Kysely<Database>) => {
        await trx
          .deleteFrom('concurrency_slots')
          .where('key', '=', key)
          .where('expires_at', '<=', now)
          .execute();
        const inserted = await sql<{ token: string }>`
          insert into concurrency_slots (key, token, expires_at)
          select ${key}, ${token}, ${until}
          where (select count(*) from concurrency_slots where key = ${key} and expires_at > ${now}) < ${limit}
          returning token`.execute(trx);
        return inserted.rows.length === 1;
      };
      if (dialect === 'sqlite') return take(db);
      return db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
        return take(trx);
      });
    },

    async extend(key, token, leaseUntil) {
      await db
        .updateTable('concurrency_slots')
        .set({ expires_at: isoTimestamp(leaseUntil, 'leaseUntil') })
        .where('key', '=', key)
        .where('token', '=', token)
        .execute();
    },

    async release(key, token) {
      await db.deleteFrom('concurrency_slots').where('key', '=', key).where('token', '=', token).execute();
    },
  };
}
