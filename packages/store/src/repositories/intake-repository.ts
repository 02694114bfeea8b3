import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreContext } from '../store-context.js';
import type { AcceptedDelivery, IntakeRepository, NewExecution } from '../store-types.js';
import { enqueueOutbox, firstRunAt, newExecutionValues, upsertSteps } from './execution-writes.js';

type Delivery = NewExecution & { dedupeKey?: string | null };

/**
 * The webhook hot path: delivery, execution and outbox row in one transaction, so a 202 means the
 * execution will run, and a repeated delivery is recognised by its dedupe key.
 *
 * @example
 * const { executionId, duplicateOf } = await intake.accept({ flowId, revisionHash, triggerKind: 'webhook', trigger, dedupeKey });
 */
export function createIntakeRepository(context: StoreContext): IntakeRepository {
  const { db, dialect } = context;

  return {
    async accept(input) {
      const now = context.nowIso();
      const runAt = firstRunAt(input, now);
      const id = context.nextExecutionId();
      // On PostgreSQL every statement is a round trip, so the usual case is one statement.
      if (dialect === 'postgres' && !input.steps?.length)
        return acceptInOneStatement(db, input, id, now, runAt);

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
        if (input.steps?.length) await upsertSteps(trx, id, input.steps);
        await enqueueOutbox(trx, id, runAt, now);
        return { executionId: id, duplicateOf: null };
      });
    },
  };
}

/**
 * PostgreSQL: delivery, execution and outbox row as data-modifying CTEs of one statement, which is
 * atomic on its own. The execution and outbox inserts select from the delivery insert, so a
 * repeated key (the delivery row conflicts, nothing is returned) writes nothing. A concurrent
 * insert of the same key waits for the first transaction, then conflicts like any repeat.
 */
async function acceptInOneStatement(
  db: Kysely<Database>,
  input: Delivery,
  id: string,
  now: string,
  runAt: string,
): Promise<AcceptedDelivery> {
  // run_count and cancel_requested are left to their defaults (0): parameters in INSERT … SELECT
  // are typed as text, which only suits the text columns.
  const { run_count: _runs, cancel_requested: _cancel, ...values } = newExecutionValues(id, input, now);
  const columns = sql.join(Object.keys(values).map((column) => sql.ref(column)));
  const params = sql.join(Object.values(values).map((value) => sql`${value ?? null}`));

  if (input.dedupeKey == null) {
    await sql`
      with execution as (insert into executions (${columns}) values (${params}) returning id)
      insert into outbox (execution_id, run_at, created_at) select id, ${runAt}, ${now} from execution`.execute(
      db,
    );
    return { executionId: id, duplicateOf: null };
  }

  const { rows } = await sql<{ written: number }>`
    with delivery as (
      insert into webhook_deliveries (flow_id, dedupe_key, execution_id, received_at)
      values (${input.flowId}, ${input.dedupeKey}, ${id}, ${now})
      on conflict (flow_id, dedupe_key) do nothing
      returning execution_id
    ), execution as (
      insert into executions (${columns}) select ${params} from delivery returning id
    ), queued as (
      insert into outbox (execution_id, run_at, created_at) select id, ${runAt}, ${now} from execution returning id
    )
    select count(*) as written from queued`.execute(db);
  if (Number(rows[0]?.written ?? 0) === 1) return { executionId: id, duplicateOf: null };
  return original(db, input.flowId, input.dedupeKey);
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
