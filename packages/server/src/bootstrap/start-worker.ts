import { startWorker } from '@waybill/runtime';
import type { WaybillConfig } from './config.js';
import { openRuntime } from './open-runtime.js';

/**
 * `waybill worker`: a process that only runs executions, for scaling out next to any number of
 * API servers. It reaches the same PostgreSQL and Redis.
 *
 * @example
 * const worker = await startWorkerProcess(config); process.on('SIGTERM', () => worker.close());
 */
export async function startWorkerProcess(config: WaybillConfig) {
  const runtime = await openRuntime(config);
  runtime.relay.start();
  const worker = startWorker({
    ...runtime,
    concurrency: config.workerConcurrency,
    onError: (error) =>
      console.error(
        JSON.stringify({ level: 'error', component: 'worker', message: (error as Error).message }),
      ),
  });
  return {
    workerId: worker.workerId,
    async close() {
      await worker.stop(config.shutdownGraceSeconds * 1000);
      await runtime.close();
    },
  };
}
