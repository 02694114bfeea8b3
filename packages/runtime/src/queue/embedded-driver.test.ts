import type { JobRepository } from '@waybill/store';
import { describe, expect, it } from 'vitest';
import { createEmbeddedDriver, type EmbeddedDriverOptions } from './embedded-driver.js';
import type { Consumer } from './queue-driver.js';
import { createMemoryJobRepository } from './testing/memory-job-repository.js';
import { sleep, waitFor } from './testing/wait-for.js';

const quiet = () => {};
const driverWith = (options: Partial<EmbeddedDriverOptions> & { jobs: JobRepository }) =>
  createEmbeddedDriver({ pollMs: 20, onError: quiet, ...options });

describe('embedded queue driver', () => {
  it('runs every published job exactly once and removes it', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs });
    const runs: string[] = [];
    const consumer = queue.consume(
      async (job) => {
        runs.push(job.executionId);
        return 'done';
      },
      { workerId: 'w1', concurrency: 5 },
    );
    const ids = Array.from({ length: 40 }, (_, i) => `ex-${i}`);
    await queue.publish(ids.map((id) => ({ jobId: `${id}-1`, executionId: id })));
    await waitFor(() => runs.length === ids.length, { description: 'all jobs to run' });
    await consumer.stop(1000);
    expect([...runs].sort()).toEqual([...ids].sort());
    expect(jobs.snapshot()).toEqual([]);
  });

  it('drops a job id this process has already published', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs });
    await queue.publish([
      { jobId: 'ex-1-1', executionId: 'ex-1' },
      { jobId: 'ex-1-1', executionId: 'ex-1' },
    ]);
    await queue.publish([{ jobId: 'ex-1-1', executionId: 'ex-1' }]);
    expect(jobs.snapshot()).toHaveLength(1);
  });

  it('never runs more handlers at once than the concurrency', async () => {
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs, pollMs: 5 });
    let running = 0;
    let most = 0;
    let finished = 0;
    const consumer = queue.consume(
      async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(5 + Math.random() * 15);
        running -= 1;
        finished += 1;
        return 'done';
      },
      { workerId: 'w1', concurrency: 3 },
    );
    await queue.publish(Array.from({ length: 24 }, (_, i) => ({ jobId: `j${i}`, executionId: `ex-${i}` })));
    await waitFor(() => finished === 24, { description: 'all jobs to finish' });
    await consumer.stop(1000);
    expect(most).toBe(3);
  });

  it('claims jobs a few at a time while busy instead of one query per finished job', async () => {
    const jobs = createMemoryJobRepository();
    let claims = 0;
    const claim = jobs.claim.bind(jobs);
    jobs.claim = (...args) => {
      claims += 1;
      return claim(...args);
    };
    const queue = driverWith({ jobs, pollMs: 1000 });
    let finished = 0;
    const consumer = queue.consume(
      async () => {
        await sleep(2 + Math.random() * 8);
        finished += 1;
        return 'done';
      },
      { workerId: 'w1', concurrency: 32 },
    );
    await queue.publish(Array.from({ length: 400 }, (_, i) => ({ jobId: `j${i}`, executionId: `ex-${i}` })));
    await waitFor(() => finished === 400, { description: 'all jobs to finish' });
    await consumer.stop(1000);
    expect(jobs.snapshot()).toEqual([]);
    // One claim per finished job would be about 370 after the first full batch of 32.
    expect(claims).toBeLessThan(200);
  });
  it('runs a delayed job only once its time has come', async () => {
    let clock = Date.parse('2025-03-01T10:00:00Z');
    const now = () => clock;
    const jobs = createMemoryJobRepository({ now });
    const queue = driverWith({ jobs, now });
    const runs: number[] = [];
    const consumer = queue.consume(
      async () => {
        runs.push(clock);
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([
      { jobId: 'j1', executionId: 'ex-1', runAt: new Date(clock + 60_000).toISOString() },
    ]);
    await sleep(100);
    expect(runs).toEqual([]);
    expect(await queue.depth()).toEqual({ ready: 0, delayed: 1, active: 0 });
    clock += 60_000;
    await waitFor(() => runs.length === 1, { description: 'the delayed job to run' });
    await consumer.stop(1000);
  });

  it('runs a job delayed by 100 ms after 100 ms, found by polling', async () => {
    const queue = driverWith({ jobs: createMemoryJobRepository() });
    let startedAt = 0;
    const consumer = queue.consume(
      async () => {
        startedAt = Date.now();
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    const publishedAt = Date.now();
    await queue.publish([
      { jobId: 'j1', executionId: 'ex-1', runAt: new Date(publishedAt + 100).toISOString() },
    ]);
    await waitFor(() => startedAt > 0, { description: 'the delayed job to run' });
    await consumer.stop(1000);
    expect(startedAt - publishedAt).toBeGreaterThanOrEqual(100);
  });

  it('retries a job whose handler threw, after a backoff, and reports the error', async () => {
    const errors: unknown[] = [];
    const jobs = createMemoryJobRepository();
    const queue = driverWith({ jobs, retryBaseMs: 80, onError: (error) => errors.push(error) });
    const attempts: number[] = [];
    const consumer = queue.consume(
      async () => {
        attempts.push(Date.now());
        if (attempts.length === 1) throw new Error('database is down');
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => attempts.length === 2, { description: 'the retry' });
    await consumer.stop(1000);
    const [first, second] = attempts as [number, number];
    // Jitter keeps the first retry between half and all of retryBaseMs.
    expect(second - first).toBeGreaterThanOrEqual(40);
    expect(errors).toEqual([new Error('database is down')]);
    expect(jobs.snapshot()).toEqual([]);
  });

  it('gives a handed-back job to another consumer promptly', async () => {
    const jobs = createMemoryJobRepository();
    // A long poll: only the in-process wake-up can make the second consumer prompt.
    const queue = driverWith({ jobs, pollMs: 5000 });
    const taken: string[] = [];
    let second: Consumer | undefined;
    let handedBackAt = 0;
    let secondTookAt = 0;
    const first = queue.consume(
      async () => {
        taken.push('first');
        second = queue.consume(
          async () => {
            taken.push('second');
            secondTookAt = Date.now();
            return 'done';
          },
          { workerId: 'w2', concurrency: 1 },
        );
        // Let the second consumer poll once, find nothing and settle into its long sleep.
        await sleep(50);
        void first.stop(1000);
        handedBackAt = Date.now();
        return 'handBack';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => taken.length === 2, { description: 'the second consumer to take the job' });
    await second?.stop(1000);
    expect(taken).toEqual(['first', 'second']);
    expect(secondTookAt - handedBackAt).toBeLessThan(500);
    expect(jobs.snapshot()).toEqual([]);
  });
});
