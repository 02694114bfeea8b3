import { sql } from 'kysely';
import { chunks, type StoreContext } from '../store-context.js';
import type { JobRepository, JobRow } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';
import { type ClaimedJob, createJobStatements } from './job-statements.js';

/**
 * The embedded queue: jobs leased to a worker until a time, so a worker that dies simply lets its
 * lease run out and another one takes the job.
 *
 * @example
 * const jobs = await store.jobs.claim('worker-1', 8, now, inThirtySeconds);
 */
export function createJobRepository(context: StoreContext): JobRepository {
  const { db } = context;
  const statements = createJobStatements(context.dialect);

  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      const now = context.nowIso();
      const due = jobs.map((job) => ({
        executionId: job.executionId,
        runAt: isoTimestamp(job.runAt, 'runAt'),
      }));
      for (const batch of chunks(due, 200)) await db.executeQuery(statements.enqueue(batch, now));
    },

    async claim(workerId, limit, now, leaseUntil) {
      const at = isoTimestamp(now, 'now');
      const until = isoTimestamp(leaseUntil, 'leaseUntil');
      const count = Math.max(0, Math.floor(limit));
      if (count === 0) return [];
      const { rows } = await db.executeQuery<ClaimedJob>(statements.claim(workerId, count, at, until));
      return rows
        .map(
          (row): JobRow => ({
            id: Number(row.id),
            executionId: row.execution_id,
            runAt: row.run_at,
            attempts: Number(row.attempts),
          }),
        )
        .sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id - b.id));
    },

    async extend(ids, leaseUntil) {
      const until = isoTimestamp(leaseUntil, 'leaseUntil');
      for (const batch of chunks(ids, 500)) await db.executeQuery(statements.extend(batch, until));
    },

    async complete(ids) {
      for (const batch of chunks(ids, 500)) await db.executeQuery(statements.complete(batch));
    },

    async release(id, runAt) {
      await db
        .updateTable('jobs')
        .set({
          lease_until: null,
          worker_id: null,
          run_at: runAt ? isoTimestamp(runAt, 'runAt') : context.nowIso(),
        })
        .where('id', '=', id)
        .execute();
    },

    async depth(now) {
      const at = isoTimestamp(now, 'now');
      const free = sql`(lease_until is null or lease_until < ${at})`;
      const row = await db
        .selectFrom('jobs')
        .select([
          sql<number>`coalesce(sum(case when ${free} and run_at <= ${at} then 1 else 0 end), 0)`.as('ready'),
          sql<number>`coalesce(sum(case when ${free} and run_at > ${at} then 1 else 0 end), 0)`.as('delayed'),
          sql<number>`coalesce(sum(case when ${free} then 0 else 1 end), 0)`.as('leased'),
        ])
        .executeTakeFirstOrThrow();
      return { ready: Number(row.ready), delayed: Number(row.delayed), leased: Number(row.leased) };
    },
  };
}
