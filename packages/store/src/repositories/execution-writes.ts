import type { StepRecord } from '@waybill/engine';
import { type Insertable, type Kysely, sql } from 'kysely';
import { toJson } from '../row-mapping.js';
import type { Database, ExecutionsTable } from '../schema.js';
import { chunks } from '../store-context.js';
import type { NewExecution } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

/** Rows per multi-row step insert: 6 parameters each stays far below both dialects' limits. */
const STEP_BATCH = 200;

/**
 * The row of a newly queued execution.
 *
 * @example
 * await trx.insertInto('executions').values(newExecutionValues(id, input, now)).execute();
 */
export function newExecutionValues(
  id: string,
  input: NewExecution,
  now: string,
): Insertable<ExecutionsTable> {
  return {
    id,
    flow_id: input.flowId,
    revision_hash: input.revisionHash,
    status: 'queued',
    trigger_kind: input.triggerKind,
    business_key: input.businessKey ?? null,
    trigger: toJson(input.trigger),
    replay_of: input.replayOf ?? null,
    idempotency_base: input.idempotencyBase ?? id,
    run_count: 0,
    queued_at: now,
    cancel_requested: 0,
  };
}

/**
 * Adds an outbox row, which the relay turns into a queue job due at runAt.
 *
 * @example
 * await enqueueOutbox(trx, id, now, now);
 */
export async function enqueueOutbox(
  trx: Kysely<Database>,
  executionId: string,
  runAt: string,
  now: string,
): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ execution_id: executionId, run_at: runAt, created_at: now })
    .execute();
}

/**
 * When the first run is due: the caller's runAt, normalised, or now.
 *
 * @example
 * firstRunAt({ runAt: '2025-01-01T10:00:00+01:00' }, now); // '2025-01-01T09:00:00.000Z'
 */
export function firstRunAt(input: Pick<NewExecution, 'runAt'>, now: string): string {
  return input.runAt ? isoTimestamp(input.runAt, 'runAt') : now;
}

/**
 * Upserts steps by (execution, key). A new key is numbered after every step already stored, so
 * reading by number gives recording order; a key seen before keeps its number, and an identical
 * record is not rewritten (no dead row on PostgreSQL, no WAL traffic on SQLite).
 *
 * @example
 * await upsertSteps(trx, executionId, record.steps);
 */
export async function upsertSteps(
  trx: Kysely<Database>,
  executionId: string,
  steps: readonly StepRecord[],
): Promise<void> {
  if (steps.length === 0) return;
  const { max } = await trx
    .selectFrom('steps')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('execution_id', '=', executionId)
    .executeTakeFirstOrThrow();
  let seq = Number(max ?? 0);
  // The same key twice in one batch would make one statement update its own row, which
  // PostgreSQL refuses; the later record wins, as it would across two calls.
  const latest = new Map<string, StepRecord>();
  for (const step of steps) latest.set(step.key, step);
  const rows = [...latest.values()].map((step) => ({
    execution_id: executionId,
    key: step.key,
    seq: ++seq,
    node_id: step.nodeId,
    status: step.status,
    record: JSON.stringify(step),
  }));
  for (const batch of chunks(rows, STEP_BATCH)) {
    await trx
      .insertInto('steps')
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(['execution_id', 'key'])
          .doUpdateSet({
            node_id: (eb) => eb.ref('excluded.node_id'),
            status: (eb) => eb.ref('excluded.status'),
            record: (eb) => eb.ref('excluded.record'),
          })
          .where(sql.ref('steps.record'), '<>', sql.ref('excluded.record')),
      )
      .execute();
  }
}
