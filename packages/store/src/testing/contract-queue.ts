import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store-types.js';
import { FAR_FUTURE, newExecution, uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2025-03-01T10:00:30.000Z';
const T2 = '2025-03-01T10:01:00.000Z';

export function describeQueueContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: outbox and embedded queue`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
      // The job table is shared by every test on this database: start from an empty queue.
      const leftovers = await store.jobs.claim('cleanup', 100_000, FAR_FUTURE, FAR_FUTURE);
      await store.jobs.complete(leftovers.map((job) => job.id));
    });
    afterAll(() => store.close());

    it('lists unpublished outbox rows oldest first until they are marked published', async () => {
      const a = await store.executions.create(newExecution(uniqueId('flow')));
      const b = await store.executions.create(newExecution(uniqueId('flow')));
      const mine = (await store.outbox.pending(FAR_FUTURE, 100_000)).filter((row) =>
        [a.id, b.id].includes(row.executionId),
      );
      expect(mine.map((row) => row.executionId)).toEqual([a.id, b.id]);
      expect(mine[0]).toEqual({
        id: expect.any(Number),
        executionId: a.id,
        runAt: a.queuedAt,
        createdAt: a.queuedAt,
      });
      expect(await store.outbox.pending('2000-01-01T00:00:00.000Z', 10)).toEqual([]);
      await store.outbox.markPublished(mine.map((row) => row.id));
      const still = (await store.outbox.pending(FAR_FUTURE, 100_000)).filter((row) =>
        [a.id, b.id].includes(row.executionId),
      );
      expect(still).toEqual([]);
    });

    it('leases due jobs in run order, counts attempts and leaves delayed jobs alone', async () => {
      await store.jobs.enqueue([
        { executionId: 'ex_later', runAt: T2 },
        { executionId: 'ex_second', runAt: T1 },
        { executionId: 'ex_first', runAt: T0 },
      ]);
      expect(await store.jobs.depth(T1)).toEqual({ ready: 2, delayed: 1, leased: 0 });
      const leased = await store.jobs.claim('w1', 10, T1, T2);
      expect(leased.map((job) => [job.executionId, job.runAt, job.attempts])).toEqual([
        ['ex_first', T0, 1],
        ['ex_second', T1, 1],
      ]);
      expect(await store.jobs.claim('w2', 10, T1, T2)).toEqual([]);
      expect(await store.jobs.depth(T1)).toEqual({ ready: 0, delayed: 1, leased: 2 });
      await store.jobs.complete(leased.map((job) => job.id));
      const rest = await store.jobs.claim('w1', 10, FAR_FUTURE, FAR_FUTURE);
      expect(rest.map((job) => job.executionId)).toEqual(['ex_later']);
      await store.jobs.complete(rest.map((job) => job.id));
      expect(await store.jobs.depth(FAR_FUTURE)).toEqual({ ready: 0, delayed: 0, leased: 0 });
    });

    it('makes a job claimable again once its lease runs out, and keeps it while the lease is extended', async () => {
      await store.jobs.enqueue([{ executionId: 'ex_lease', runAt: T0 }]);
      const [job] = await store.jobs.claim('w1', 1, T0, T1);
      expect(await store.jobs.claim('w2', 1, T0, T1)).toEqual([]);
      await store.jobs.extend([job!.id], T2);
      expect(await store.jobs.claim('w2', 1, '2025-03-01T10:00:45.000Z', T2)).toEqual([]);
      const [again] = await store.jobs.claim('w2', 1, '2025-03-01T10:01:01.000Z', FAR_FUTURE);
      expect(again).toEqual({ id: job!.id, executionId: 'ex_lease', runAt: T0, attempts: 2 });
      await store.jobs.complete([job!.id]);
    });

    it('takes a released job back, due at the given time', async () => {
      await store.jobs.enqueue([{ executionId: 'ex_release', runAt: T0 }]);
      const [job] = await store.jobs.claim('w1', 1, T0, FAR_FUTURE);
      await store.jobs.release(job!.id, T2);
      expect(await store.jobs.depth(T1)).toEqual({ ready: 0, delayed: 1, leased: 0 });
      expect(await store.jobs.claim('w1', 1, T1, FAR_FUTURE)).toEqual([]);
      const [retaken] = await store.jobs.claim('w1', 1, T2, FAR_FUTURE);
      expect(retaken).toMatchObject({ id: job!.id, runAt: T2, attempts: 2 });
      await store.jobs.complete([job!.id]);
    });

    it('never leases one job to two of many concurrent claimers', async () => {
      const jobs = Array.from({ length: 120 }, (_, index) => ({ executionId: `ex_c${index}`, runAt: T0 }));
      await store.jobs.enqueue(jobs);
      // Two more stores: separate pools on PostgreSQL, separate connections to the file on SQLite.
      const others = [await harness().open(), await harness().open()];
      const claimers = [store, ...others];
      try {
        const leased = (
          await Promise.all(
            Array.from({ length: 24 }, (_, index) =>
              claimers[index % claimers.length]!.jobs.claim(`w${index}`, 7, T1, FAR_FUTURE),
            ),
          )
        ).flat();
        const ids = leased.map((job) => job.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBeLessThanOrEqual(120);
        const more = await store.jobs.claim('w-last', 1000, T1, FAR_FUTURE);
        expect(new Set([...ids, ...more.map((job) => job.id)]).size).toBe(120);
        await store.jobs.complete([...ids, ...more.map((job) => job.id)]);
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    });
  });
}
