import { CompiledQuery } from 'kysely';
import { inDialect, placeholders, statementsBy } from '../raw-sql.js';
import type { StoreDialect } from '../store-types.js';

/**
 * The embedded queue's statements, precompiled per dialect (see raw-sql.ts for why): every
 * execution is enqueued, leased and completed once, and the consumer extends leases on a timer.
 */

export interface ClaimedJob {
  id: number;
  execution_id: string;
  run_at: string;
  attempts: number;
}

// SKIP LOCKED: concurrent claimers each take different due rows instead of queueing behind one
// another's locks; MATERIALIZED keeps the planner from re-running the pick.
const CLAIM_POSTGRES = `with due as materialized (
    select id from jobs
    where run_at <= ? and (lease_until is null or lease_until < ?)
    order by run_at, id
    limit ?
    for update skip locked
  )
  update jobs set lease_until = ?, worker_id = ?, attempts = jobs.attempts + 1
  from due where jobs.id = due.id
  returning jobs.id, jobs.execution_id, jobs.run_at, jobs.attempts`;

// SQLite has one writer at a time, so pick-and-lease in one statement is already atomic.
const CLAIM_SQLITE = `update jobs set lease_until = ?, worker_id = ?, attempts = attempts + 1
  where id in (
    select id from jobs
    where run_at <= ? and (lease_until is null or lease_until < ?)
    order by run_at, id
    limit ?
  )
  returning id, execution_id, run_at, attempts`;

/**
 * The queue's statements for a dialect; id lists and row counts up to the callers' chunk sizes.
 *
 * @example
 * const statements = createJobStatements('postgres');
 * await db.executeQuery(statements.complete([1, 2]));
 */
export function createJobStatements(dialect: StoreDialect) {
  const claim = inDialect(dialect, dialect === 'postgres' ? CLAIM_POSTGRES : CLAIM_SQLITE);
  const enqueue = statementsBy(
    dialect,
    (count: number) =>
      `insert into jobs (execution_id, run_at, attempts, created_at) values ${Array.from({ length: count }, () => '(?, ?, 0, ?)').join(', ')}`,
  );
  const extend = statementsBy(
    dialect,
    (count: number) => `update jobs set lease_until = ? where id in (${placeholders(count)})`,
  );
  const complete = statementsBy(
    dialect,
    (count: number) => `delete from jobs where id in (${placeholders(count)})`,
  );

  return {
    claim: (workerId: string, limit: number, now: string, leaseUntil: string) =>
      CompiledQuery.raw(
        claim,
        dialect === 'postgres'
          ? [now, now, limit, leaseUntil, workerId]
          : [leaseUntil, workerId, now, now, limit],
      ),
    enqueue: (jobs: ReadonlyArray<{ executionId: string; runAt: string }>, now: string) =>
      CompiledQuery.raw(
        enqueue(jobs.length),
        jobs.flatMap((job) => [job.executionId, job.runAt, now]),
      ),
    extend: (ids: readonly number[], leaseUntil: string) =>
      CompiledQuery.raw(extend(ids.length), [leaseUntil, ...ids]),
    complete: (ids: readonly number[]) => CompiledQuery.raw(complete(ids.length), [...ids]),
  };
}
