import { describe, expect, it } from 'vitest';
import { drained, useBullmqTestQueues } from './testing/bullmq-harness.js';
import { deferred, waitFor } from './testing/wait-for.js';

const queues = useBullmqTestQueues();
const driver = queues.driver;

describe('BullMQ queue driver', () => {
  it('runs each published job once', async () => {
    const queue = driver();
    const runs: string[] = [];
    queue.consume(
      async (job) => {
        runs.push(job.executionId);
        return 'done';
      },
      { workerId: 'w1', concurrency: 4 },
    );
    const ids = Array.from({ length: 30 }, (_, i) => `ex-${i}`);
    await queue.publish(ids.map((id) => ({ jobId: `${id}-1`, executionId: id })));
    await waitFor(() => runs.length === ids.length, { description: 'all jobs to run' });
    await waitFor(() => drained(queue), { description: 'the queue to drain' });
    expect([...runs].sort()).toEqual([...ids].sort());
  });

  it('adds a job id published twice only once, whether it is due now or delayed', async () => {
    const queue = driver();
    const inAWhile = new Date(Date.now() + 300).toISOString();
    // Ids BullMQ would refuse as they are (':' and integers) are escaped and still deduplicated.
    const jobs = [
      { jobId: 'ex:1', executionId: 'ex-1' },
      { jobId: '42', executionId: 'ex-2', runAt: inAWhile },
    ];
    await queue.publish([...jobs, ...jobs]);
    await queue.publish(jobs);
    expect(await queue.depth()).toEqual({ ready: 1, delayed: 1, active: 0 });

    const runs: Array<{ executionId: string; jobId: string }> = [];
    queue.consume(
      async (job) => {
        runs.push({ executionId: job.executionId, jobId: job.jobId });
        return 'done';
      },
      { workerId: 'w1', concurrency: 2 },
    );
    await waitFor(() => runs.length === 2, { description: 'both jobs to run' });
    await waitFor(() => drained(queue), { description: 'the queue to drain' });
    expect(runs).toEqual([
      { executionId: 'ex-1', jobId: 'ex:1' },
      { executionId: 'ex-2', jobId: '42' },
    ]);
  });

  it('runs a job id again when it is republished after its job completed, as BullMQ forgets completed jobs', async () => {
    const queue = driver();
    const runs: string[] = [];
    queue.consume(
      async (job) => {
        runs.push(job.jobId);
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => runs.length === 1 && drained(queue), { description: 'the first run' });
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    // The store's claim on the execution is what stops this second run from doing anything.
    await waitFor(() => runs.length === 2, { description: 'the second run' });
  });

  it('starts a delayed job no earlier than its runAt', async () => {
    const queue = driver();
    let startedAt = 0;
    queue.consume(
      async () => {
        startedAt = Date.now();
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    const runAt = Date.now() + 400;
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1', runAt: new Date(runAt).toISOString() }]);
    await waitFor(() => startedAt > 0, { description: 'the delayed job to run' });
    expect(startedAt).toBeGreaterThanOrEqual(runAt - 5);
    expect(startedAt - runAt).toBeLessThan(1500);
  });

  it('retries a job whose handler threw, after a backoff', async () => {
    const errors: unknown[] = [];
    const queue = driver({ retryBaseMs: 100, onError: (error) => errors.push(error) });
    const attempts: number[] = [];
    queue.consume(
      async () => {
        attempts.push(Date.now());
        if (attempts.length === 1) throw new Error('database is down');
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => attempts.length === 2, { description: 'the retry' });
    const [first, second] = attempts as [number, number];
    expect(second - first).toBeGreaterThanOrEqual(45);
    expect(errors).toContainEqual(new Error('database is down'));
  });

  it('counts ready, delayed and running jobs', async () => {
    const queue = driver();
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
  });

  it('closes more than once without complaint and refuses new work afterwards', async () => {
    const queue = driver();
    queue.consume(async () => 'done', { workerId: 'w1', concurrency: 1 });
    await queue.close();
    await queue.close();
    await expect(queue.publish([{ jobId: 'j', executionId: 'ex' }])).rejects.toThrow(/closed/);
  });
});
