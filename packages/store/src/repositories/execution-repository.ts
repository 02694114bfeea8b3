import type { ExecutionError, StepRecord } from '@waybill/engine';
import { sql } from 'kysely';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import { fromJson, toExecutionRow } from '../row-mapping.js';
import { chunks, type StoreContext } from '../store-context.js';
import type { DeadLetterGroup, ExecutionRepository, ExecutionStatus } from '../store-types.js';
import { executionFilter } from './execution-filter.js';
import { createExecutionLifecycle } from './execution-lifecycle.js';
import { enqueueOutbox, firstRunAt, newExecutionValues, upsertSteps } from './execution-writes.js';

const STATUSES: readonly ExecutionStatus[] = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
];

/**
 * Execution history and the state machine workers drive it through (see execution-lifecycle.ts).
 *
 * @example
 * const page = await executions.list({ flowId: 'orders', status: 'failed' }, { limit: 20 });
 */
export function createExecutionRepository(context: StoreContext): ExecutionRepository {
  const { db } = context;

  return {
    ...createExecutionLifecycle(context),

    async create(input) {
      const now = context.nowIso();
      const runAt = firstRunAt(input, now);
      const id = context.nextExecutionId();
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('executions')
          .values(newExecutionValues(id, input, now))
          .returningAll()
          .executeTakeFirstOrThrow();
        if (input.steps?.length) await upsertSteps(trx, context.dialect, id, input.steps);
        await enqueueOutbox(trx, context.dialect, id, runAt, now);
        return toExecutionRow(row);
      });
    },

    async get(id) {
      const row = await db.selectFrom('executions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toExecutionRow(row) : undefined;
    },

    async steps(id) {
      const rows = await db
        .selectFrom('steps')
        .select('record')
        .where('execution_id', '=', id)
        .orderBy('seq')
        .execute();
      return rows.map((row) => JSON.parse(row.record) as StepRecord);
    },

    async list(filter, page) {
      const limit = pageLimit(page?.limit);
      const after = page?.cursor ? decodeCursor(page.cursor, ['string', 'string'] as const) : undefined;
      const rows = await db
        .selectFrom('executions')
        .selectAll()
        .where(executionFilter(filter))
        .$if(after !== undefined, (qb) =>
          qb.where((eb) => eb(eb.refTuple('queued_at', 'id'), '<', eb.tuple(after![0], after![1]))),
        )
        .orderBy('queued_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map(toExecutionRow);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor([last.queuedAt, last.id]) : null,
      };
    },

    async ids(filter, limit) {
      const rows = await db
        .selectFrom('executions')
        .select('id')
        .where(executionFilter(filter))
        .orderBy('queued_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      return rows.map((row) => row.id);
    },

    async deadLetterGroups(filter) {
      // One pass with window functions: counts and bounds per group, plus the newest row of each
      // group for its sample message and error code.
      const flowCondition = filter.flowId !== undefined ? sql`and flow_id = ${filter.flowId}` : sql``;
      const partnerCondition =
        filter.partnerId !== undefined
          ? sql`and flow_id in (select id from flows where partner_id = ${filter.partnerId})`
          : sql``;
      const partition = sql`partition by flow_id, failed_node_id, error_signature`;
      const { rows } = await sql<{
        flow_id: string;
        failed_node_id: string | null;
        error_signature: string;
        error: string | null;
        count: number;
        first_at: string;
        last_at: string;
      }>`
        select flow_id, failed_node_id, error_signature, error, count, first_at, last_at from (
          select flow_id, failed_node_id, error_signature, error,
            row_number() over (${partition} order by queued_at desc, id desc) as position,
            count(*) over (${partition}) as count,
            min(queued_at) over (${partition}) as first_at,
            max(queued_at) over (${partition}) as last_at
          from executions
          where status = 'failed' and dead_letter = 'open' ${flowCondition} ${partnerCondition}
        ) grouped
        where position = 1
        order by last_at desc, flow_id, error_signature`.execute(db);
      return rows.map((row): DeadLetterGroup => {
        const error = fromJson<ExecutionError>(row.error);
        return {
          flowId: row.flow_id,
          failedNodeId: row.failed_node_id,
          errorSignature: row.error_signature ?? '',
          errorCode: error?.code ?? '',
          sampleMessage: error?.message ?? '',
          count: Number(row.count),
          firstAt: row.first_at,
          lastAt: row.last_at,
        };
      });
    },

    async setDeadLetter(ids, state) {
      let changed = 0;
      for (const batch of chunks([...new Set(ids)], 500)) {
        // Only executions that have a dead-letter entry; a succeeded one cannot be "resolved".
        const result = await db
          .updateTable('executions')
          .set({ dead_letter: state })
          .where('id', 'in', batch)
          .where('dead_letter', 'is not', null)
          .where('dead_letter', '<>', state)
          .executeTakeFirst();
        changed += Number(result.numUpdatedRows);
      }
      return changed;
    },

    async countByStatus() {
      const rows = await db
        .selectFrom('executions')
        .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
        ExecutionStatus,
        number
      >;
      for (const row of rows) {
        if ((STATUSES as readonly string[]).includes(row.status))
          counts[row.status as ExecutionStatus] = Number(row.count);
      }
      return counts;
    },
  };
}
