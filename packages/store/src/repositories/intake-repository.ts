import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreContext } from '../store-context.js';
import type { AcceptedDelivery, IntakeRepository } from '../store-types.js';
import { enqueueOutbox, firstRunAt, newExecutionValues, upsertSteps } from './execution-writes.js';
import { createPostgresIntakeBatcher } from './postgres-intake-batcher.js';
import { createSqliteIntakeBatcher } from './sqlite-intake-batcher.js';

/**
 * The webhook hot path: delivery, execution and outbox row in one transaction, so a 202 means the
 * execution will run, and a repeated delivery is recognised by its dedupe key.
 *
 * @example
 * const { executionId, duplicateOf } = await intake.accept({ flowId, revisionHash, triggerKind: 'webhook', trigger, dedupeKey });
 */
export function createIntakeRepository(context: StoreContext): IntakeRepository {
  const { db, dialect } = context;
  const acceptBatched =
    dialect === 'sqlite' ? createSqliteIntakeBatcher(context) : createPostgresIntakeBatcher(context);

  return {
    async accept(input) {
      if (!input.steps?.length) return acceptBatched(input);
      // Deliveries carrying steps (replays) are rare: they get a transaction of their own.
      const now = context.nowIso();
      const runAt = firstRunAt(input, now);
      const id = context.nextExecutionId();

      return db.transaction().execute(async (trx) => {
        if (input.dedupeKey != null) {
          // The delivery goes first: its primary key is the dedupe check, and ON CONFLICT DO
          // NOTHING never raises, so a repeat costs no failed transaction.
          const claimed = await trx
            .insertInto('webhook_deliveries')
            .values({
              flow_id: input.flowId,
              dedupe_key: input.dedupeKey,
              execution_id: id,
              received_at: now,
            })
            .onConflict((oc) => oc.columns(['flow_id', 'dedupe_key']).doNothing())
            .returning('execution_id')
            .executeTakeFirst();
          if (!claimed) return original(trx, input.flowId, input.dedupeKey);
        }
        await trx
          .insertInto('executions')
          .values(newExecutionValues(id, input, now))
          .execute();
        if (input.steps?.length) await upsertSteps(trx, dialect, id, input.steps);
        await enqueueOutbox(trx, dialect, id, runAt, now);
        return { executionId: id, duplicateOf: null };
      });
    },
  };
}

async function original(db: Kysely<Database>, flowId: string, dedupeKey: string): Promise<AcceptedDelivery> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select('execution_id')
    .where('flow_id', '=', flowId)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  return { executionId: row.execution_id, duplicateOf: row.execution_id };
}
