import type { StepRecord } from '@waybill/engine';
import type { Insertable, Kysely } from 'kysely';
import { toJson } from '../row-mapping.js';
import type { Database, ExecutionsTable } from '../schema.js';
import { chunks } from '../store-context.js';
import type { NewExecution, StoreDialect } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';
import { executionStatements } from './execution-statements.js';

/** Rows per multi-row step insert: 4 parameters each stays far below both dialects' limits. */
export const STEP_BATCH = 200;

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
 * await enqueueOutbox(trx, 'sqlite', id, now, now);
 */
export async function enqueueOutbox(
  trx: Kysely<Database>,
  dialect: StoreDialect,
  executionId: string,
  runAt: string,
  now: string,
): Promise<void> {
  await trx.executeQuery(executionStatements(dialect).enqueueOutbox(executionId, runAt, now));
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
 * The steps to write: one per key, the later record winning, as it would across two calls. (The
 * same key twice in one statement would make it update its own row, which PostgreSQL refuses.)
 *
 * @example
 * distinctSteps([a, b, { ...a, status: 'failed' }]); // [{ ...a, status: 'failed' }, b]
 */
export function distinctSteps(steps: readonly StepRecord[]): readonly StepRecord[] {
  const latest = new Map<string, StepRecord>();
  for (const step of steps) latest.set(step.key, step);
  return latest.size === steps.length ? steps : [...latest.values()];
}

/**
 * Upserts steps by (execution, key): one statement per STEP_BATCH steps, so up to a batch needs
 * no transaction of its own. A new key is numbered after every step already stored, so reading by
 * number gives recording order; a key seen before keeps its number, and an identical record is not
 * rewritten (no dead row on PostgreSQL, no WAL traffic on SQLite).
 *
 * @example
 * await upsertSteps(trx, 'sqlite', executionId, record.steps);
 */
export async function upsertSteps(
  trx: Kysely<Database>,
  dialect: StoreDialect,
  executionId: string,
  steps: readonly StepRecord[],
): Promise<void> {
  const statements = executionStatements(dialect);
  for (const batch of chunks(distinctSteps(steps), STEP_BATCH)) {
    await trx.executeQuery(statements.upsertSteps(executionId, batch));
  }
}
