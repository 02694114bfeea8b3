import type { ExecutionError } from '@waybill/engine';
import type { Selectable } from 'kysely';
import { errorSignature } from '../error-signature.js';
import { toExecutionRow, toJson } from '../row-mapping.js';
import type { ExecutionsTable } from '../schema.js';
import { chunks, type StoreContext } from '../store-context.js';
import { StoreNotFoundError } from '../store-errors.js';
import type { ExecutionRepository } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';
import { executionStatements, type FinishColumns } from './execution-statements.js';
import { distinctSteps, enqueueOutbox, STEP_BATCH, upsertSteps } from './execution-writes.js';

type ExecutionTableRow = Selectable<ExecutionsTable>;

type Lifecycle = Pick<
  ExecutionRepository,
  | 'claim'
  | 'checkpoint'
  | 'finish'
  | 'heartbeat'
  | 'requestCancel'
  | 'stale'
  | 'requeue'
  | 'republish'
  | 'abandon'
>;

const TERMINAL = ['succeeded', 'failed', 'cancelled'] as const;

/**
 * The execution state machine: queued → running → waiting | succeeded | failed | cancelled, with
 * every transition a single conditional UPDATE so two workers (or a worker and the reaper) can
 * never both win it.
 *
 * @example
 * const execution = await executions.claim(id, workerId, staleBefore);
 */
export function createExecutionLifecycle(context: StoreContext): Lifecycle {
  const { db, dialect } = context;
  const statements = executionStatements(dialect);

  return {
    async claim(id, workerId, staleBefore) {
      const now = context.nowIso();
      const stale = isoTimestamp(staleBefore, 'staleBefore');
      const { rows } = await db.executeQuery<ExecutionTableRow>(statements.claim(id, workerId, now, stale));
      return rows[0] ? toExecutionRow(rows[0]) : undefined;
    },

    async checkpoint(id, steps) {
      const distinct = distinctSteps(steps);
      if (distinct.length === 0) return;
      // One statement commits atomically on its own: a transaction around it would only add a
      // begin and a commit (two round trips on PostgreSQL).
      if (distinct.length <= STEP_BATCH) await db.executeQuery(statements.upsertSteps(id, distinct));
      else await db.transaction().execute((trx) => upsertSteps(trx, dialect, id, distinct));
    },

    async finish(id, record) {
      const now = context.nowIso();
      const waiting = record.status === 'waiting';
      const error = record.error;
      const resumeAt = waiting ? (record.resumeAt ? isoTimestamp(record.resumeAt, 'resumeAt') : now) : null;
      const columns: FinishColumns = {
        status: record.status,
        error: toJson(error),
        errorSignature: error ? errorSignature(record.flowId, error.nodeId, error.code, error.message) : null,
        failedNodeId: error?.nodeId ?? null,
        response: toJson(record.response),
        businessKey: record.businessKey ?? null,
        finishedAt: waiting ? null : finishedAt(record.finishedAt, now),
        durationMs: Math.round(record.durationMs),
        resumeAt,
        deadLetter: record.status === 'failed' ? 'open' : null,
      };
      const steps = distinctSteps(record.steps);
      if (dialect === 'postgres' && steps.length <= STEP_BATCH) {
        const { rows } = await db.executeQuery<ExecutionTableRow>(
          statements.finishAll(id, columns, steps, now),
        );
        return toExecutionRow(rows[0] ?? notFound(id));
      }
      return db.transaction().execute(async (trx) => {
        const { rows } = await trx.executeQuery<ExecutionTableRow>(statements.finish(id, columns));
        const row = rows[0] ?? notFound(id);
        await upsertSteps(trx, dialect, id, steps);
        if (resumeAt) await enqueueOutbox(trx, dialect, id, resumeAt, now);
        return toExecutionRow(row);
      });
    },

    async heartbeat(workerId, ids) {
      const now = context.nowIso();
      const cancelled: string[] = [];
      for (const batch of chunks([...new Set(ids)], 500)) {
        const { rows } = await db.executeQuery<{ id: string; cancel_requested: number }>(
          statements.heartbeat(workerId, batch, now),
        );
        for (const row of rows) if (Number(row.cancel_requested) === 1) cancelled.push(row.id);
      }
      return cancelled;
    },

    async requestCancel(id) {
      const now = context.nowIso();
      // Tried in the order an execution moves (queued → running → finished), so one that moves
      // on between two statements is caught by the next.
      const stopped = await db
        .updateTable('executions')
        .set({ status: 'cancelled', finished_at: now, resume_at: null, worker_id: null, cancel_requested: 1 })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'waiting'])
        .returning('id')
        .executeTakeFirst();
      if (stopped) return { outcome: 'cancelled' };
      const requested = await db
        .updateTable('executions')
        .set({ cancel_requested: 1 })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .returning('id')
        .executeTakeFirst();
      if (requested) return { outcome: 'requested' };
      const exists = await db.selectFrom('executions').select('id').where('id', '=', id).executeTakeFirst();
      return { outcome: exists ? 'finished' : 'missing' };
    },

    async stale(heartbeatBefore, limit) {
      const rows = await db
        .selectFrom('executions')
        .selectAll()
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', isoTimestamp(heartbeatBefore, 'heartbeatBefore'))
        .orderBy('heartbeat_at')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.map(toExecutionRow);
    },

    async requeue(id, options = {}) {
      const now = context.nowIso();
      const runAt = options.runAt ? isoTimestamp(options.runAt, 'runAt') : now;
      await db.transaction().execute(async (trx) => {
        const requeued = await trx
          .updateTable('executions')
          .set((eb) => ({
            status: 'queued',
            worker_id: null,
            heartbeat_at: null,
            ...(options.lostWorker ? { lost_count: eb('lost_count', '+', 1) } : {}),
            ...(options.undoClaim
              ? {
                  run_count: eb('run_count', '-', 1),
                  started_at: eb.case().when('run_count', '=', 1).then(null).else(eb.ref('started_at')).end(),
                }
              : {}),
          }))
          .where('id', '=', id)
          .where('status', '=', 'running')
          .where('cancel_requested', '=', 0)
          .returning('id')
          .executeTakeFirst();
        if (requeued) {
          await enqueueOutbox(trx, dialect, id, runAt, now);
          return;
        }
        // Its worker is gone and someone asked to cancel it: that is the end of it, rather than a
        // queued execution every claim would refuse.
        await trx
          .updateTable('executions')
          .set({ status: 'cancelled', worker_id: null, finished_at: now })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .where('cancel_requested', '=', 1)
          .execute();
      });
    },

    async republish(ids) {
      if (ids.length === 0) return 0;
      const now = context.nowIso();
      return db.transaction().execute(async (trx) => {
        let count = 0;
        for (const batch of chunks(ids, 500)) {
          const still = await trx
            .selectFrom('executions')
            .select('id')
            .where('id', 'in', batch)
            .where('status', '=', 'queued')
            .execute();
          for (const row of still) await enqueueOutbox(trx, dialect, row.id, now, now);
          count += still.length;
        }
        return count;
      });
    },

    async abandon(id, error) {
      const nowMs = context.clock();
      const now = new Date(nowMs).toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('executions')
          .select(['flow_id', 'started_at', 'queued_at'])
          .where('id', '=', id)
          .where('status', 'not in', TERMINAL)
          .executeTakeFirst();
        if (!row) return;
        const startedMs = Date.parse(row.started_at ?? row.queued_at);
        await trx
          .updateTable('executions')
          .set({
            status: 'failed',
            error: toJson(error satisfies ExecutionError),
            error_signature: errorSignature(row.flow_id, error.nodeId, error.code, error.message),
            failed_node_id: error.nodeId ?? null,
            finished_at: now,
            duration_ms: Math.max(0, nowMs - startedMs),
            resume_at: null,
            worker_id: null,
            dead_letter: 'open',
          })
          .where('id', '=', id)
          .where('status', 'not in', TERMINAL)
          .execute();
      });
    },
  };
}

function notFound(id: string): never {
  throw new StoreNotFoundError(`Execution ${id} does not exist, so its result cannot be recorded.`);
}

function finishedAt(value: string | undefined, now: string): string {
  if (!value) return now;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? now : new Date(ms).toISOString();
}
