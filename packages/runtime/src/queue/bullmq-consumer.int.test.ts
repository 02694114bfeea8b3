import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Consumer } from './queue-driver.js';
import { drained, useBullmqTestQueues } from './testing/bullmq-harness.js';
import { deferred, waitFor } from './testing/wait-for.js';

const queues = useBullmqTestQueues();
const driver = queues.driver;

describe('BullMQ queue consumer', () => {
  it('gives a handed-back job to another worker promptly', async () => {
    const queue = driver();
    const taken: string[] = [];
    let handedBackAt = 0;
    let secondTookAt = 0;
    const first: Consumer = queue.consume(
      async () => {
        taken.push('first');
        queue.consume(
          async () => {
            taken.push('second');
            secondTookAt = Date.now();
            return 'done';
          },
          { workerId: 'w2', concurrency: 1 },
        );
        // The first worker stops fetching, so only the second can take the job back.
        void first.stop(5000);
        handedBackAt = Date.now();
        return 'handBack';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await waitFor(() => taken.length === 2, { description: 'the second worker to take the job' });
    expect(taken).toEqual(['first', 'second']);
    // Far below lockDuration and stalledInterval (30 s): it was handed back, not recovered.
    expect(secondTookAt - handedBackAt).toBeLessThan(2000);
    await waitFor(() => drained(queue), { description: 'the queue to drain' });
  });

  it('waits for a running handler that finishes within the grace period', async () => {
    const queue = driver();
    const started = deferred();
    let aborted: boolean | undefined;
    const consumer = queue.consume(
      async (job) => {
        started.resolve();
        await new Promise((resolve) => setTimeout(resolve, 200));
        aborted = job.signal.aborted;
        return 'done';
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await started.promise;
    await consumer.stop(5000);
    expect(aborted).toBe(false);
    expect(await drained(queue)).toBe(true);
  });

  it('aborts a handler running past the grace period and another worker finishes its job', async () => {
    const queue = driver();
    const started = deferred();
    let signalled = false;
    const first = queue.consume(
      (job) =>
        new Promise((resolve) => {
          started.resolve();
          job.signal.addEventListener('abort', () => {
            signalled = true;
            resolve('handBack');
          });
        }),
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await started.promise;
    await first.stop(200);
    expect(signalled).toBe(true);
    expect(await queue.depth()).toEqual({ ready: 1, delayed: 0, active: 0 });

    const finished = deferred<string>();
    queue.consume(
      async (job) => {
        finished.resolve(job.executionId);
        return 'done';
      },
      { workerId: 'w2', concurrency: 1 },
    );
    expect(await finished.promise).toBe('ex-1');
  });

  it('hands back the job of a handler that ignores the abort', async () => {
    const queue = driver({ handBackWaitMs: 100 });
    const started = deferred();
    const consumer = queue.consume(
      () => {
        started.resolve();
        return new Promise(() => {});
      },
      { workerId: 'w1', concurrency: 1 },
    );
    await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
    await started.promise;
    const stoppingAt = Date.now();
    await consumer.stop(100);
    expect(Date.now() - stoppingAt).toBeLessThan(2000);
    expect(await queue.depth()).toEqual({ ready: 1, delayed: 0, active: 0 });
  });

  it('recovers the job of a worker process killed without closing, after its lock expires', async () => {
    // All workers of a queue share the stalled check (whoever runs it holds it for its interval),
    // so the child gets the same short settings as the survivor.
    const settings = { lockDurationMs: 1000, stalledIntervalMs: 300 };
    const queue = driver(settings);
    const child = spawn(
      process.execPath,
      [
        '--import',
        fileURLToPath(new URL('./testing/ts-loader.mjs', import.meta.url)),
        fileURLToPath(new URL('./testing/bullmq-worker-child.ts', import.meta.url)),
        JSON.stringify({
          redisUrl: queues.redisUrl,
          queueName: 'waybill-executions',
          prefix: queues.prefix(),
          ...settings,
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await waitFor(() => output.includes('consuming'), {
        timeoutMs: 10_000,
        description: 'the child worker to start',
      });
      await queue.publish([{ jobId: 'j1', executionId: 'ex-1' }]);
      await waitFor(() => output.includes('took j1'), {
        timeoutMs: 10_000,
        description: 'the child to take the job',
      });
    } finally {
      child.kill('SIGKILL');
    }
    const killedAt = Date.now();

    const recovered = deferred<string>();
    queue.consume(
      async (job) => {
        recovered.resolve(job.executionId);
        return 'done';
      },
      { workerId: 'survivor', concurrency: 1 },
    );
    expect(await recovered.promise).toBe('ex-1');
    // Not before the dead worker's lock ran out.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(500);
  });
});
