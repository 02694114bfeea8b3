import type { JobRepository } from '@waybill/store';
import { describe, expect, it } from 'vitest';
import { createEmbeddedDriver, type EmbeddedDriverOptions } from './embedded-driver.js';
import { createMemoryJobRepository } from './testing/memory-job-repository.js';
import { deferred, sleep, waitFor } from './testing/wait-for.js';

const quiet = () => {};
const driverWith = (options: Partial<EmbeddedDriverOptions> & { jobs: JobRepository }) =>
  createEmbeddedDriver({ pollMs: 20, onError: quiet, ...options });

describe('embedded queue consumer', () => {
  it('starts a job well under pollMs after it is published in the same process', async () => {
    const queue = driverWith({ jobs: createMemoryJobRepository(), pollMs: 5000 });
    let startedAt = 0;
    const consumer = queue.consume(
      async () => {
        startedAt = Date.now();
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    // Past its first (empty) poll, so it is asleep for pollMs.
    await sleep(50);
    const publishedAt = Date.now();
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => startedAt > 0, { description: 'the job to start' });
    await consumer.stop(1000);
    expect(startedAt - publishedAt).toBeLessThan(100);
  });

  it('finds jobs published by another process by polling', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs });
    const runs: string[] = [];
    const consumer = queue.consume(
      async (job) => {
        runs.push(job.executionId);
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    // Straight into the table, as another process's publish would be: no in-process wake-up.
    await jobs.enqueue([{ executionId: 'ex-1', runAt: new Date().toISOString() }]);
    await waitFor(() => runs.length === 1, { description: 'the job to be found' });
    await consumer.stop(1000);
  });

  it('waits for a running handler to finish when stopped within its grace period', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs });
    const started = deferred();
    let aborted = false;
    const consumer = queue.consume(
      async (job) => {
        started.resolve();
        await sleep(150);
        aborted = job.signal.aborted;
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await started.promise;
    expect(consumer.active).toBe(1);
    await consumer.stop(5000);
    expect(aborted).toBe(false);
    expect(consumer.active).toBe(0);
    expect(jobs.snapshot()).toEqual([]);
  });

  it('aborts a handler still running past the grace period and another consumer then finishes its job', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs });
    const started = deferred();
    let reason: unknown;
    const first = queue.consume(
      (job) =>
        new Promise((resolve) => {
          started.resolve();
          job.signal.addEventListener('abort', () => {
            reason = job.signal.reason;
            resolve('handBack');
          });
        }),
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await started.promise;
    const stoppingAt = Date.now();
    await first.stop(100);
    expect(Date.now() - stoppingAt).toBeGreaterThanOrEqual(95);
    expect(reason).toBeInstanceOf(Error);
    expect(jobs.snapshot()).toMatchObject([{ leaseUntil: null, attempts: 1 }]);

    const finishedBy: string[] = [];
    const second = queue.consume(
      async () => {
        finishedBy.push('w2');
        return 'done';
      },
      { workerId: 'w2', concurrency: 1 },
    );
    await waitFor(() => finishedBy.length === 1, { description: 'the second consumer to finish the job' });
    await second.stop(1000);
    expect(jobs.snapshot()).toEqual([]);
  });

  it('hands back the job of a handler that ignores the abort, without waiting for it', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs, handBackWaitMs: 50 });
    const started = deferred();
    const never = deferred<'done'>();
    const consumer = queue.consume(
      () => {
        started.resolve();
        return never.promise;
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await started.promise;
    const stoppingAt = Date.now();
    await consumer.stop(50);
    expect(Date.now() - stoppingAt).toBeLessThan(1000);
    expect(await queue.depth()).toEqual({ ready: 1, delayed: 0, active: 0 });
    // Finishing late changes nothing: the job is no longer this consumer's.
    never.resolve('done');
    await sleep(10);
    expect(jobs.snapshot()).toHaveLength(1);
  });

  it('keeps extending the lease of a running job so no other consumer takes it', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs, leaseMs: 90 });
    const runs: string[] = [];
    const first = queue.consume(
      async () => {
        runs.push('w1');
        await sleep(400);
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => runs.length === 1, { description: 'the first consumer to start' });
    const second = queue.consume(
      async () => {
        runs.push('w2');
        return 'done';
      },
      { workerId: 'w2', concurrency: 1 },
    );
    await first.stop(2000);
    await second.stop(0);
    expect(runs).toEqual(['w1']);
  });

  it('lets another consumer take a job whose lease expired because its process stopped heart-beating', async () => {
    const jobs = createMemoryJobRepository();
    // The dead process's heartbeats never reach the database.
    const deadJobs: JobRepository = { ...jobs, extend: async () => {} };
    const dead = driverWith({ jobs: deadJobs, leaseMs: 150 });
    const alive = driverWith({ jobs, leaseMs: 150 });
    const hung = deferred<'done'>();
    const runs: string[] = [];
    const deadConsumer = dead.consume(
      () => {
        runs.push('dead');
        return hung.promise;
      },
      { workerId: 'dead', concurrency: 1 },
    );
    await dead.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => runs.length === 1, { description: 'the doomed consumer to take the job' });
    const tookAt = Date.now();
    const aliveConsumer = alive.consume(
      async () => {
        runs.push('alive');
        return 'done';
      },
      { workerId: 'alive', concurrency: 1 },
    );
    await waitFor(() => runs.length === 2, { description: 'the job to be recovered' });
    expect(Date.now() - tookAt).toBeGreaterThanOrEqual(140);
    expect(runs).toEqual(['dead', 'alive']);
    await aliveConsumer.stop(1000);
    hung.resolve('done');
    await deadConsumer.stop(1000);
    expect(jobs.snapshot()).toEqual([]);
  });

  it('counts ready, delayed and running jobs', async () => {
    const queue = driverWith({ jobs: createMemoryJobRepository() });
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    await queue.publish([
      { jobId: 'a', executionId: 'ex-a' },
      { jobId: 'b', executionId: 'ex-b' },
      { jobId: 'c', executionId: 'ex-c', runAt: inAMinute },
    ]);
    expect(await queue.depth()).toEqual({ ready: 2, delayed: 1, active: 0 });
    const release = deferred();
    const consumer = queue.consume(
      async () => {
        await release.promise;
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await waitFor(() => consumer.active === 1, { description: 'a job to start' });
    expect(await queue.depth()).toEqual({ ready: 1, delayed: 1, active: 1 });
    release.resolve();
    await queue.close();
  });

  it('stops its consumers when closed and refuses new work afterwards', async () => {
    const queue = driverWith({ jobs: createMemoryJobRepository() });
    const consumer = queue.consume(async () => 'done', { workerId: 'w1', concurrency: 1 });
    await queue.close();
    await queue.close();
    expect(consumer.active).toBe(0);
    await expect(queue.publish([{ jobId: 'j', executionId: 'ex' }])).rejects.toThrow(/closed/);
  });
});
