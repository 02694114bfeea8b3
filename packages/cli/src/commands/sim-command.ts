import { installedSimulators, startSimulator } from '@waybill/server';
import { CliError } from '../cli-error.js';
import { untilSignal } from './start-command.js';

export interface SimOptions {
  port?: string;
  host?: string;
}

/**
 * `waybill sim <system>`: serves one simulator (e.g. Odoo) until SIGINT or SIGTERM, for trying
 * connectors by hand or pointing a Waybill elsewhere at it.
 *
 * @example
 * await simCommand('odoo', { port: '8069' }, console.log);
 */
export async function simCommand(
  id: string,
  options: SimOptions,
  print: (text: string) => void,
): Promise<number> {
  const definition = installedSimulators.find((simulator) => simulator.id === id);
  if (!definition) {
    throw new CliError(
      `There is no simulator "${id}"; choose one of: ${installedSimulators.map((s) => s.id).join(', ')}.`,
    );
  }
  const port = options.port === undefined ? definition.defaultPort : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new CliError(`--port must be a number from 0 to 65535; it is "${options.port}".`);
  const running = await startSimulator(id, { port, ...(options.host ? { host: options.host } : {}) }).catch(
    (error: Error) => {
      throw new CliError(
        `The ${definition.title} simulator could not start on port ${port}: ${error.message}`,
      );
    },
  );
  print(`${definition.title} simulator is running at ${running.url}`);
  print(`  sign in: ${definition.signIn}`);
  print(
    `  credential for Waybill: type ${running.credential.type}, allowed host ${new URL(running.url).hostname}`,
  );
  print('  stop with Ctrl+C');
  await untilSignal();
  await running.close();
  return 0;
}
