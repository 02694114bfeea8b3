import { createServer, type Server } from 'node:http';
import { startWorker } from '@waybill/runtime';
import type { WaybillConfig } from './config.js';
import { openRuntime } from './open-runtime.js';

/**
 * `waybill worker`: a process that only runs executions, for scaling out next to any number of
 * API servers. It reaches the same PostgreSQL and Redis. With a metrics port it serves this
 * process's Prometheus metrics (queue wait, node durations, retries) at /metrics.
 *
 * @example
 * const worker = await startWorkerProcess(config, { metricsPort: 9464 }); process.on('SIGTERM', () => worker.close());
 */
export async function startWorkerProcess(config: WaybillConfig, options: { metricsPort?: number } = {}) {
  const runtime = await openRuntime(config);
  runtime.relay.start();
  const worker = startWorker({
    ...runtime,
    observer: runtime.metrics.observer,
    limiter: runtime.limiter,
    concurrency: config.workerConcurrency,
    heartbeatMs: config.heartbeatMs,
    onError: (error) =>
      console.error(
        JSON.stringify({ level: 'error', component: 'worker', message: (error as Error).message }),
      ),
  });
  let metricsServer: Server | undefined;
  if (options.metricsPort !== undefined) {
    metricsServer = createServer(async (req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': runtime.metrics.registry.contentType });
      res.end(await runtime.metrics.registry.metrics());
    });
    await new Promise<void>((resolve) => metricsServer?.listen(options.metricsPort, config.host, resolve));
  }
  return {
    workerId: worker.workerId,
    async close() {
      await worker.stop(config.shutdownGraceSeconds * 1000);
      await new Promise<void>((resolve) =>
        metricsServer ? metricsServer.close(() => resolve()) : resolve(),
      );
      await runtime.close();
    },
  };
}
