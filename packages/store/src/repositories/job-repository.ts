import { sql } from 'kysely';
import { chunks, type StoreContext } from '../store-context.js';
import type { JobRepository, JobRow } from '../store-types.js';
import { isoTimestamp } from '../timestamps.js';

/**
 * The embedded queue: jobs leased to a worker until a time, so a worker that dies simply lets its
 * lease run out and another one takes the job.
 *
 * @example
 * const jobs = await store.jobs.claim('worker-1', 8, now, inThirtySeconds);
 */
export function createJobRepository(context: StoreContext): JobRepository {
  const { db, dialect } = context;

  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      const now = context.nowIso();
      for (const batch of chunks(jobs, 200)) {
        await db
          .insertInto('jobs')
          .values(
            batch.map((job) => ({
              execution_id: job.executionId,
              run_at: isoTimestamp(job.runAt, 'runAt'),
              attempts: 0,
              created_at: now,
            })),
          )
          .execute();
      }
    },

    async claim(workerId, limit, now, leaseUntil) {
      const at = isoTimestamp(now, 'now');
      const until = isoTimestamp(leaseUntil, 'leaseUntil');
      const count = Math.max(0, Math.floor(limit));
      if (count === 0) return [];
      let rows: Array<{ id: number; execution_id: string; run_at: string; attempts: number }>;
      if (dialect === 'postgres') {
        // SKIP LOCKED: concurrent claimers each take different due rows instead of queueing
        // behind one another's locks; MATERIALIZED keeps the planner from re-running the pick.
        ({ rows } = await sql<{ id: number; execution_id: string; run_at: string; attempts: number }>`
          with due as materialized (
            select id from jobs
            where run_at <= ${at} and (lease_until is null or lease_until < ${at})
            order by run_at, id
            limit ${count}
            for update skip locked
          )
          update jobs set lease_until = ${until}, worker_id = ${workerId}, attempts = jobs.attempts + 1
          from due where jobs.id = due.id
          returning jobs.id, jobs.execution_id, jobs.run_at, jobs.attempts`.execute(db));
      } else {
        // SQLite has one writer at a time, so pick-and-lease in one statement is already atomic.
        rows = await db
          .updateTable('jobs')
          .set((eb) => ({ lease_until: until, worker_id: workerId, attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('jobs')
              .select('id')
              .where('run_at', '<=', at)
              .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', at)]))
              .orderBy('run_at')
              .orderBy('id')
              .limit(count),
          )
          .returning(['id', 'execution_id', 'run_at', 'attempts'])
          .execute();
      }
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
      for (const batch of chunks(ids, 500)) {
        await db.updateTable('jobs').set({ lease_until: until }).where('id', 'in', batch).execute();
      }
    },

    async complete(ids) {
      for (const batch of chunks(ids, 500)) {
        await db.deleteFrom('jobs').where('id', 'in', batch).execute();
      }
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
