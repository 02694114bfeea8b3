import { chunks, type StoreContext } from '../store-context.js';
import type { OutboxRepository } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

/**
 * Rows the relay still has to publish to the queue. Published rows keep their published_at (the
 * partial index leaves them out of every relay query), so history shows when each run was sent.
 *
 * @example
 * const rows = await outbox.pending(new Date().toISOString(), 500);
 * await outbox.markPublished(rows.map((row) => row.id));
 */
export function createOutboxRepository(context: StoreContext): OutboxRepository {
  const { db } = context;

  return {
    async pending(createdBefore, limit) {
      const rows = await db
        .selectFrom('outbox')
        .select(['id', 'execution_id', 'run_at', 'created_at'])
        .where('published_at', 'is', null)
        .where('created_at', '<', isoTimestamp(createdBefore, 'createdBefore'))
        .orderBy('created_at')
        .orderBy('id')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        executionId: row.execution_id,
        runAt: row.run_at,
        createdAt: row.created_at,
      }));
    },

    async markPublished(ids) {
      const now = context.nowIso();
      for (const batch of chunks(ids, 500)) {
        await db
          .updateTable('outbox')
          .set({ published_at: now })
          .where('id', 'in', batch)
          .where('published_at', 'is', null)
          .execute();
      }
    },
  };
}
