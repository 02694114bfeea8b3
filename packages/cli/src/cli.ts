import { Command, CommanderError } from 'commander';
import { CliError, EXIT_INVALID, EXIT_OK } from './cli-error.js';
import {
  addUserCommand,
  createTokenCommand,
  listUsersCommand,
  resetPasswordCommand,
} from './commands/account-commands.js';
import { diffCommand } from './commands/diff-command.js';
import { rotateKeysCommand } from './commands/keys-command.js';
import { runCommand } from './commands/run-command.js';
import { simCommand } from './commands/sim-command.js';
import { startCommand } from './commands/start-command.js';
import { testCommand } from './commands/test-command.js';
import { validateCommand } from './commands/validate-command.js';
import { workerCommand } from './commands/worker-command.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit code for a defect in Waybill itself (EX_SOFTWARE), as opposed to a bad flow or input. */
export const EXIT_INTERNAL = 70;

/**
 * Runs the `waybill` command line and returns its exit code: 0 success, 1 the flow failed,
 * 2 the flow or input is invalid. Errors are printed as sentences, never stacks.
 *
 * @example
 * const code = await runCli(['validate', 'flows/shopify-order-intake'], { out: console.log, err: console.error });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK as number;
  const program = new Command()
    .name('waybill')
    .description('Design, test and run Waybill integration flows.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });

  program
    .command('validate')
    .description('check flows and list every problem')
    .argument('<flow...>', 'flow folders or flow.json files')
    .action(async (flows: string[]) => {
      exitCode = await validateCommand(flows, io.out);
    });

  program
    .command('run')
    .description('run a flow once on a trigger payload and print each node')
    .argument('<flow>', 'flow folder or flow.json file')
    .requiredOption('-i, --input <file>', 'JSON file with the trigger payload')
    .option('--json', 'print the whole execution record as JSON')
    .option('--until <node>', 'run only what leads to this node')
    .action(async (flow: string, options: { input: string; json?: boolean; until?: string }) => {
      exitCode = await runCommand(flow, options, io.out);
    });

  program
    .command('diff')
    .description('show what changed between two flows: nodes, connections, config and expressions')
    .argument('<before>', 'flow folder or flow.json file')
    .argument('<after>', 'flow folder or flow.json file')
    .option('--json', 'print the diff as JSON')
    .action(async (before: string, after: string, options: { json?: boolean }) => {
      exitCode = await diffCommand(before, after, options, io.out);
    });

  program
    .command('test')
    .description("run each flow's test cases (tests/<case>/input.json against expected.json)")
    .argument('<flow...>', 'flow folders')
    .action(async (flows: string[]) => {
      exitCode = await testCommand(flows, io.out);
    });

  program
    .command('start')
    .description('start Waybill: API, webhook intake and a worker (SQLite and the embedded queue by default)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--no-worker', 'run no worker in this process')
    .option('--seed <dir>', 'deploy the example flows of this folder on an empty database', 'flows')
    .option('--no-seed', 'start with an empty database')
    .option(
      '--simulators',
      'serve the simulators and their credentials for the demo (default without DATABASE_URL)',
    )
    .option('--no-simulators', 'serve no simulators')
    .action(
      async (options: { port?: string; worker?: boolean; seed?: string | false; simulators?: boolean }) => {
        exitCode = await startCommand(options, io.out);
      },
    );

  program
    .command('sim')
    .description('serve a simulator of an external system (odoo) for trying connectors')
    .argument('<system>', 'which simulator, e.g. odoo')
    .option('-p, --port <port>', "port to listen on (default: the system's usual port, 8069 for Odoo)")
    .option('--host <host>', 'address to listen on (default: 127.0.0.1)')
    .action(async (system: string, options: { port?: string; host?: string }) => {
      exitCode = await simCommand(system, options, io.out);
    });

  const keys = program.command('keys').description('manage the master keys credentials are encrypted with');
  keys
    .command('rotate')
    .description('add a new master key and re-key every credential to it, without stopping Waybill')
    .option(
      '--no-new-key',
      're-key to the first key already configured (after setting WAYBILL_SECRET_KEY=<new>,<old>)',
    )
    .action(async (options: { newKey?: boolean }) => {
      exitCode = await rotateKeysCommand(options, io.out);
    });

  const users = program.command('users').description('manage who may sign in, and their roles');
  users
    .command('add')
    .description('add a user; prints a one-time password to hand over')
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--role <role>', 'admin, designer, operator or viewer')
    .option('--name <name>', 'their name as shown in Waybill')
    .option('--partner <id>', 'make it a partner account, seeing only this partner’s flows')
    .action(async (options: { email: string; role: string; name?: string; partner?: string }) => {
      exitCode = await addUserCommand(options, io.out);
    });
  users
    .command('reset-password')
    .description('give a user a new one-time password and end their sessions')
    .requiredOption('--email <email>', 'the user’s email')
    .action(async (options: { email: string }) => {
      exitCode = await resetPasswordCommand(options, io.out);
    });
  users
    .command('list')
    .description('list users with their roles')
    .action(async () => {
      exitCode = await listUsersCommand(io.out);
    });

  program
    .command('tokens')
    .description('API tokens for scripts and CI')
    .command('create')
    .description('create an API token acting as a user; prints only the token')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "CI deploys"')
    .option('--expires-days <days>', 'days until it stops working (default: never)')
    .action(async (options: { email: string; name: string; expiresDays?: string }) => {
      exitCode = await createTokenCommand(options, io.out, io.err);
    });

  program
    .command('worker')
    .description('run executions from the queue (scale out next to any number of API servers)')
    .option('-c, --concurrency <n>', 'executions at once (default: WAYBILL_WORKER_CONCURRENCY or 8)')
    .option('--metrics-port <port>', 'serve this worker’s Prometheus metrics at /metrics on this port')
    .action(async (options: { concurrency?: string; metricsPort?: string }) => {
      exitCode = await workerCommand(options, io.out);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message, or the help text (exit code 0).
      return error.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    if (error instanceof CliError) {
      io.err(`waybill: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`waybill: an internal error occurred: ${message}`);
    return EXIT_INTERNAL;
  }
}
