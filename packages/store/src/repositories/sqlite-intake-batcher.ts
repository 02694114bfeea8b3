import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreContext } from '../store-context.js';
import type { AcceptedDelivery, NewExecution } from '../store-types.js';
import { firstRunAt, newExecutionValues } from './execution-writes.js';

type Delivery = NewExecution & { dedupeKey?: string | null };

interface Pending {
  input: Delivery;
  resolve(result: AcceptedDelivery): void;
  reject(error: unknown): void;
}

const INSERT_DELIVERY =
  'insert into webhook_deliveries (flow_id, dedupe_key, execution_id, received_at) values (?, ?, ?, ?) on conflict (flow_id, dedupe_key) do nothing';
const SELECT_ORIGINAL = 'select execution_id from webhook_deliveries where flow_id = ? and dedupe_key = ?';
const INSERT_OUTBOX = 'insert into outbox (execution_id, run_at, created_at) values (?, ?, ?)';

/** Deliveries written in one transaction at most; a larger burst is split. */
const MAX_BATCH = 500;

/**
 * Group commit for SQLite intake. A commit is what a delivery costs on SQLite (each one writes its
 * pages to the write-ahead log), so deliveries that arrive in the same turn of the event loop are
 * written in one transaction, and each caller is answered once that transaction has committed —
 * a 202 still means the delivery is on disk. Statements are precompiled SQL, since building
 * queries would cost more than running them here. A batch that fails is retried one delivery per
 * transaction, so one bad delivery cannot fail the others.
 *
 * @example
 * const accept = createSqliteIntakeBatcher(context);
 * const { executionId } = await accept({ flowId, revisionHash, triggerKind: 'webhook', trigger, dedupeKey });
 */
export function createSqliteIntakeBatcher(
  context: StoreContext,
): (input: Delivery) => Promise<AcceptedDelivery> {
  const executionColumns = Object.keys(
    newExecutionValues('x', { flowId: '', revisionHash: '', triggerKind: 'webhook', trigger: null }, ''),
  );
  const insertExecution = `insert into executions (${executionColumns.join(', ')}) values (${executionColumns.map(() => '?').join(', ')})`;
  let queue: Pending[] = [];
  let scheduled = false;

  const acceptOne = async (db: Kysely<Database>, input: Delivery): Promise<AcceptedDelivery> => {
    const now = context.nowIso();
    const id = context.nextExecutionId();
    if (input.dedupeKey != null) {
      const inserted = await db.executeQuery(
        CompiledQuery.raw(INSERT_DELIVERY, [input.flowId, input.dedupeKey, id, now]),
      );
      if (inserted.numAffectedRows === 0n) {
        const original = await db.executeQuery<{ execution_id: string }>(
          CompiledQuery.raw(SELECT_ORIGINAL, [input.flowId, input.dedupeKey]),
        );
        const executionId = original.rows[0]?.execution_id;
        if (!executionId)
          throw new Error(
            `The delivery ${input.dedupeKey} of flow ${input.flowId} vanished while being read.`,
          );
        return { executionId, duplicateOf: executionId };
      }
    }
    const values = newExecutionValues(id, input, now) as Record<string, unknown>;
    await db.executeQuery(
      CompiledQuery.raw(
        insertExecution,
        executionColumns.map((column) => values[column] ?? null),
      ),
    );
    await db.executeQuery(CompiledQuery.raw(INSERT_OUTBOX, [id, firstRunAt(input, now), now]));
    return { executionId: id, duplicateOf: null };
  };

  const settle = async (batch: Pending[]) => {
    try {
      const results = await context.db.transaction().execute(async (trx) => {
        const out: AcceptedDelivery[] = [];
        for (const item of batch) out.push(await acceptOne(trx, item.input));
        return out;
      });
      for (const [index, item] of batch.entries()) item.resolve(results[index] as AcceptedDelivery);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const item of batch) await settle([item]);
    }
  };

  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      void settle(batch);
    }
  };

  return (input) =>
    new Promise<AcceptedDelivery>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
