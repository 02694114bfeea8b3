import type { StepRecord } from '@waybill/engine';
import { CompiledQuery } from 'kysely';
import { inDialect, placeholders, statementsBy } from '../raw-sql.js';
import type { StoreDialect } from '../store-types.js';

/**
 * The statements each execution runs on the worker path, precompiled per dialect (see raw-sql.ts
 * for why). Each builder keeps its text and the order of its parameters side by side.
 */

/** The columns `finish` sets, already in their stored form. */
export interface FinishColumns {
  status: string;
  error: string | null;
  errorSignature: string | null;
  failedNodeId: string | null;
  /** A response sent by an earlier run (before a wait) stays when this one is null. */
  response: string | null;
  /** Only fills an empty business key. */
  businessKey: string | null;
  finishedAt: string | null;
  durationMs: number;
  resumeAt: string | null;
  deadLetter: string | null;
}

const CLAIM = `update executions
  set lost_count = lost_count + case when status = 'running' then 1 else 0 end,
    status = 'running', run_count = run_count + 1, started_at = coalesce(started_at, ?),
    worker_id = ?, heartbeat_at = ?, resume_at = null
  where id = ? and cancel_requested = 0
    and (status in ('queued', 'waiting') or (status = 'running' and heartbeat_at < ?))
  returning *`;

const FINISH = `update executions
  set status = ?, error = ?, error_signature = ?, failed_node_id = ?, response = coalesce(?, response),
    business_key = coalesce(business_key, ?), finished_at = ?, duration_ms = ?, resume_at = ?,
    worker_id = null, dead_letter = ?
  where id = ?
  returning *`;

const INSERT_OUTBOX = 'insert into outbox (execution_id, run_at, created_at) values (?, ?, ?)';

/**
 * Upserts `count` steps by (execution, key) in one statement. A new key is numbered after every
 * step already stored, computed in the statement itself (no separate max(seq) round trip); a key
 * seen before keeps its number; an identical record is not rewritten. VALUES columns are named
 * column1… on both dialects. The WHERE clause is required: without it SQLite would read ON
 * CONFLICT as a join constraint.
 */
function upsertStepsText(count: number, where: string): string {
  const rows = Array.from({ length: count }, (_, index) => `(?, ${index + 1}, ?, ?, ?)`).join(', ');
  return `insert into steps (execution_id, key, seq, node_id, status, record)
  select ?, given.column1, stored.seq + given.column2, given.column3, given.column4, given.column5
  from (values ${rows}) as given,
    (select coalesce(max(seq), 0) as seq from steps where execution_id = ?) as stored
  where ${where}
  on conflict (execution_id, key) do update
    set node_id = excluded.node_id, status = excluded.status, record = excluded.record
    where steps.record <> excluded.record`;
}

/**
 * PostgreSQL: data-modifying CTEs make finish one round trip instead of four (begin, update,
 * steps, commit), and one statement is atomic on its own. The steps and the resumption's outbox
 * row are written only when the execution exists.
 */
function finishAllText(stepCount: number, schedules: boolean): string {
  const parts = [`with finished as (${FINISH})`];
  if (stepCount > 0)
    parts.push(`recorded as (${upsertStepsText(stepCount, 'exists (select 1 from finished)')})`);
  if (schedules)
    parts.push(
      'scheduled as (insert into outbox (execution_id, run_at, created_at) select id, ?, ? from finished)',
    );
  return `${parts.join(',\n')}\nselect * from finished`;
}

function stepParameters(executionId: string, steps: readonly StepRecord[]): unknown[] {
  const parameters: unknown[] = [executionId];
  for (const step of steps) parameters.push(step.key, step.nodeId, step.status, JSON.stringify(step));
  parameters.push(executionId);
  return parameters;
}

function finishParameters(id: string, columns: FinishColumns): unknown[] {
  return [
    columns.status,
    columns.error,
    columns.errorSignature,
    columns.failedNodeId,
    columns.response,
    columns.businessKey,
    columns.finishedAt,
    columns.durationMs,
    columns.resumeAt,
    columns.deadLetter,
    id,
  ];
}

function createExecutionStatements(dialect: StoreDialect) {
  const claim = inDialect(dialect, CLAIM);
  const finish = inDialect(dialect, FINISH);
  const insertOutbox = inDialect(dialect, INSERT_OUTBOX);
  const upsertSteps = statementsBy(dialect, (count: number) => upsertStepsText(count, 'true'));
  const heartbeat = statementsBy(
    dialect,
    (count: number) => `update executions set heartbeat_at = ?
      where id in (${placeholders(count)}) and worker_id = ? and status = 'running'
      returning id, cancel_requested`,
  );
  const finishAll = statementsBy(dialect, (count: number) => finishAllText(count, false));
  const finishAllAndSchedule = statementsBy(dialect, (count: number) => finishAllText(count, true));

  return {
    /** `returning *`: the claimed execution, or no row. */
    claim: (id: string, workerId: string, now: string, staleBefore: string) =>
      CompiledQuery.raw(claim, [now, workerId, now, id, staleBefore]),
    /** `returning *`: the finished execution, or no row when it does not exist. */
    finish: (id: string, columns: FinishColumns) => CompiledQuery.raw(finish, finishParameters(id, columns)),
    /**
     * PostgreSQL: finish, its steps (deduplicated, at most one batch) and the resumption's outbox
     * row in one atomic statement; `returning *` as finish.
     */
    finishAll: (id: string, columns: FinishColumns, steps: readonly StepRecord[], now: string) =>
      CompiledQuery.raw((columns.resumeAt === null ? finishAll : finishAllAndSchedule)(steps.length), [
        ...finishParameters(id, columns),
        ...(steps.length > 0 ? stepParameters(id, steps) : []),
        ...(columns.resumeAt !== null ? [columns.resumeAt, now] : []),
      ]),
    /** Deduplicated steps, at most one batch. */
    upsertSteps: (executionId: string, steps: readonly StepRecord[]) =>
      CompiledQuery.raw(upsertSteps(steps.length), stepParameters(executionId, steps)),
    heartbeat: (workerId: string, ids: readonly string[], now: string) =>
      CompiledQuery.raw(heartbeat(ids.length), [now, ...ids, workerId]),
    enqueueOutbox: (executionId: string, runAt: string, now: string) =>
      CompiledQuery.raw(insertOutbox, [executionId, runAt, now]),
  };
}

export type ExecutionStatements = ReturnType<typeof createExecutionStatements>;

const byDialect = new Map<StoreDialect, ExecutionStatements>();

/**
 * The execution statements of a dialect, built on first use and shared by every store on it.
 *
 * @example
 * const { rows } = await db.executeQuery<Selectable<ExecutionsTable>>(executionStatements('sqlite').claim(id, workerId, now, stale));
 */
export function executionStatements(dialect: StoreDialect): ExecutionStatements {
  let statements = byDialect.get(dialect);
  if (!statements) {
    statements = createExecutionStatements(dialect);
    byDialect.set(dialect, statements);
  }
  return statements;
}
