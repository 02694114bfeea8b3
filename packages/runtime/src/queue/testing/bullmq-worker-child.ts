import { createBullmqDriver } from '../bullmq-driver.js';

/**
 * A worker process for the stalled-job test: it takes one job, says so on stdout and then hangs,
 * holding the job, until the test kills it with SIGKILL.
 *
 * Usage: node --import ./ts-loader.mjs bullmq-worker-child.ts '{"redisUrl":…,"queueName":…,"prefix":…,"lockDurationMs":…,"stalledIntervalMs":…}'
 */
const settings: {
  redisUrl: string;
  queueName: string;
  prefix: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
} = JSON.parse(process.argv[2] ?? '{}');
const queue = createBullmqDriver({ ...settings, onError: () => {} });
queue.consume(
  async (job) => {
    process.stdout.write(`took ${job.jobId}\n`);
    return new Promise(() => {});
  },
  { workerId: 'doomed-child', concurrency: 1 },
);
process.stdout.write('consuming\n');
