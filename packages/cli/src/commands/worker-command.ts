import { ConfigError, parseConfig, startWorkerProcess } from '@waybill/server';
import { CliError } from '../cli-error.js';
import { untilSignal } from './start-command.js';

/**
 * `waybill worker [--concurrency N]`: runs executions only. On SIGTERM it stops taking work, lets
 * running executions finish within the grace period and hands the rest back.
 *
 * @example
 * await workerCommand({ concurrency: '16' }, console.log);
 */
export async function workerCommand(
  options: { concurrency?: string; metricsPort?: string },
  print: (text: string) => void,
): Promise<number> {
  let config: ReturnType<typeof parseConfig>;
  try {
    const env = options.concurrency
      ? { ...process.env, WAYBILL_WORKER_CONCURRENCY: options.concurrency }
      : process.env;
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new CliError(error.message.replace('WAYBILL_WORKER_CONCURRENCY', '--concurrency'));
    throw error;
  }
  const metricsPort = options.metricsPort === undefined ? undefined : Number(options.metricsPort);
  if (
    metricsPort !== undefined &&
    (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)
  ) {
    throw new CliError(`--metrics-port must be a number from 0 to 65535; it is "${options.metricsPort}".`);
  }
  const worker = await startWorkerProcess(config, metricsPort === undefined ? {} : { metricsPort }).catch(
    (error: Error) => {
      throw new CliError(`The worker could not start: ${error.message}`);
    },
  );
  print(`Worker ${worker.workerId} is running ${config.workerConcurrency} executions at a time.`);
  await untilSignal();
  print('Stopping: finishing running executions…');
  await worker.close();
  return 0;
}
