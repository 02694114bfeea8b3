import { ConfigError, parseConfig, startServer } from '@waybill/server';
import { CliError } from '../cli-error.js';

export interface StartOptions {
  port?: string;
  /** Run no worker in this process (workers run as `waybill worker` elsewhere). */
  worker?: boolean;
}

/**
 * `waybill start`: the API, webhook intake and (by default) a worker, on SQLite and the embedded
 * queue unless DATABASE_URL / REDIS_URL say otherwise. Runs until SIGINT or SIGTERM.
 *
 * @example
 * await startCommand({ port: '3000' }, console.log);
 */
export async function startCommand(options: StartOptions, print: (text: string) => void): Promise<number> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env, options.port ? { port: parsePort(options.port) } : {});
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const server = await startServer(config, { embeddedWorker: options.worker !== false }).catch(
    (error: Error) => {
      throw new CliError(`Waybill could not start: ${error.message}`);
    },
  );
  print(`Waybill is running at ${server.url}`);
  print(
    `  storage: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`} · queue: ${config.redisUrl ? 'BullMQ on Redis' : 'embedded'}`,
  );
  print(`  API description: ${server.url}/api/openapi.json · stop with Ctrl+C`);
  await untilSignal();
  print('Stopping: finishing running executions…');
  await server.close();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new CliError(`--port must be a number from 0 to 65535; it is "${text}".`);
  return port;
}
