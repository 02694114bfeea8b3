import type { JobRepository, JobRow } from '@waybill/store';

export interface MemoryJob {
  id: number;
  executionId: string;
  runAt: number;
  /** Times the job was claimed. */
  attempts: number;
  leasedBy: string | null;
  leaseUntil: number | null;
}

export interface MemoryJobRepository extends JobRepository {
  /** Copies of the stored jobs, by id, for assertions. */
  snapshot(): MemoryJob[];
}

/**
 * An in-memory `JobRepository` with the semantics of the store's SQL one, for testing queue
 * consumers without a database: a job is due when its runAt has passed and it holds no live
 * lease; claiming leases it, oldest runAt first, and counts an attempt; a lease that has run out
 * makes it claimable again; release clears the lease and keeps the attempt count; completing
 * deletes it.
 *
 * @example
 * const jobs = createMemoryJobRepository();
 * const queue = createEmbeddedDriver({ jobs });
 */
export function createMemoryJobRepository(options: { now?: () => number } = {}): MemoryJobRepository {
  const now = options.now ?? Date.now;
  const rows = new Map<number, MemoryJob>();
  let nextId = 1;

  // As in the store: a lease ending exactly now still holds.
  const isLeased = (job: MemoryJob, at: number) => job.leaseUntil !== null && job.leaseUntil >= at;
  const toRow = (job: MemoryJob): JobRow => ({
    id: job.id,
    executionId: job.executionId,
    runAt: new Date(job.runAt).toISOString(),
    attempts: job.attempts,
  });

  // Every method does its work before its first await, so each is atomic like a transaction.
  return {
    async enqueue(jobs) {
      for (const job of jobs) {
        const id = nextId++;
        rows.set(id, {
          id,
          executionId: job.executionId,
          runAt: Date.parse(job.runAt),
          attempts: 0,
          leasedBy: null,
          leaseUntil: null,
        });
      }
    },

    async claim(workerId, limit, nowIso, leaseUntil) {
      const at = Date.parse(nowIso);
      const due = [...rows.values()]
        .filter((job) => job.runAt <= at && !isLeased(job, at))
        .sort((a, b) => a.runAt - b.runAt || a.id - b.id)
        .slice(0, Math.max(0, limit));
      for (const job of due) {
        job.leasedBy = workerId;
        job.leaseUntil = Date.parse(leaseUntil);
        job.attempts += 1;
      }
      return due.map(toRow);
    },

    // Like the store's UPDATE … WHERE id IN (…): a released job is leased again, which is why a
    // consumer must not extend a job it is giving back.
    async extend(ids, leaseUntil) {
      for (const id of ids) {
        const job = rows.get(id);
        if (job) job.leaseUntil = Date.parse(leaseUntil);
      }
    },

    async complete(ids) {
      for (const id of ids) rows.delete(id);
    },

    async release(id, runAt) {
      const job = rows.get(id);
      if (!job) return;
      job.leasedBy = null;
      job.leaseUntil = null;
      job.runAt = runAt === undefined ? now() : Date.parse(runAt);
    },

    async depth(nowIso) {
      const at = Date.parse(nowIso);
      const counts = { ready: 0, delayed: 0, leased: 0 };
      for (const job of rows.values()) {
        if (isLeased(job, at)) counts.leased += 1;
        else if (job.runAt <= at) counts.ready += 1;
        else counts.delayed += 1;
      }
      return counts;
    },

    snapshot() {
      return [...rows.values()].map((job) => ({ ...job }));
    },
  };
}
