import type { StepRecord } from '@waybill/engine';
import { sql } from 'kysely';
import type { StoreContext } from '../store-context.js';
import type { ExecutionStatus, NodeTiming, StatsRepository, StatusBucket } from '../store-types.js';

/**
 * Figures for the studio's dashboard. Executions per status are counted per hour in the database
 * (ISO timestamps sort and cut as text on both SQLite and PostgreSQL). Node timings come from the
 * steps of the newest executions only, so the dashboard costs the same at any history size.
 *
 * @example
 * const { buckets, slowestNodes } = await stats.overview({ since: '2026-12-01T00:00:00.000Z', partnerId: undefined });
 */
export function createStatsRepository(context: StoreContext): StatsRepository {
  const { db } = context;
  return {
    async overview({ since, partnerId, sampleExecutions = 2000, nodeLimit = 10 }) {
      const partnerFlows = (qb: ReturnType<typeof db.selectFrom<'executions'>>) =>
        partnerId === undefined
          ? qb
          : qb.where(
              'flow_id',
              'in',
              db.selectFrom('flows').select('flows.id').where('flows.partner_id', '=', partnerId),
            );

      const hour = sql<string>`substr(queued_at, 1, 13)`;
      const counted = await partnerFlows(db.selectFrom('executions'))
        .select([hour.as('hour'), 'status', (eb) => eb.fn.countAll().as('count')])
        .where('queued_at', '>=', since)
        .groupBy([hour, 'status'])
        .orderBy(hour)
        .execute();
      const byHour = new Map<string, StatusBucket>();
      for (const row of counted) {
        const start = `${row.hour}:00:00.000Z`;
        const bucket = byHour.get(start) ?? { start, counts: {} };
        bucket.counts[row.status as ExecutionStatus] = Number(row.count);
        byHour.set(start, bucket);
      }

      const recent = partnerFlows(db.selectFrom('executions'))
        .select('id')
        .where('queued_at', '>=', since)
        .orderBy('queued_at', 'desc')
        .limit(sampleExecutions);
      const steps = await db
        .selectFrom('steps')
        .innerJoin('executions', 'executions.id', 'steps.execution_id')
        .select(['executions.flow_id', 'steps.record'])
        .where('steps.execution_id', 'in', recent)
        .execute();
      return { since, buckets: [...byHour.values()], slowestNodes: slowest(steps, nodeLimit) };
    },
  };
}

function slowest(rows: Array<{ flow_id: string; record: string }>, limit: number): NodeTiming[] {
  const timings = new Map<string, { flowId: string; nodeId: string; type: string; durations: number[] }>();
  for (const row of rows) {
    const step = JSON.parse(row.record) as StepRecord;
    const total = step.attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0);
    const key = `${row.flow_id}\u0000${step.nodeId}`;
    const entry = timings.get(key) ?? {
      flowId: row.flow_id,
      nodeId: step.nodeId,
      type: step.type,
      durations: [],
    };
    entry.durations.push(total);
    timings.set(key, entry);
  }
  return [...timings.values()]
    .map(({ durations, ...node }) => {
      const sorted = durations.sort((a, b) => a - b);
      const avg = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
      return { ...node, count: sorted.length, avgMs: Math.round(avg * 10) / 10, p95Ms: p95 };
    })
    .sort((a, b) => b.avgMs - a.avgMs)
    .slice(0, limit);
}
