import { CompiledQuery } from 'kysely';
import { inDialect, placeholders, statementsBy } from '../raw-sql.js';
import { chunks, type StoreContext } from '../store-context.js';
import type { OutboxRepository } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

// Precompiled (see raw-sql.ts): the relay runs these for every batch of executions it publishes.
const PENDING = `select id, execution_id, run_at, created_at from outbox
  where published_at is null and created_at < ?
  order by created_at, id
  limit ?`;

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
  const pending = inDialect(context.dialect, PENDING);
  const markPublished = statementsBy(
    context.dialect,
    (count: number) =>
      `update outbox set published_at = ? where id in (${placeholders(count)}) and published_at is null`,
  );

  return {
    async pending(createdBefore, limit) {
      const { rows } = await db.executeQuery<{
        id: number;
        execution_id: string;
        run_at: string;
        created_at: string;
      }>(
        CompiledQuery.raw(pending, [
          isoTimestamp(createdBefore, 'createdBefore'),
          Math.max(0, Math.floor(limit)),
        ]),
      );
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
        await db.executeQuery(CompiledQuery.raw(markPublished(batch.length), [now, ...batch]));
      }
    },
  };
}
