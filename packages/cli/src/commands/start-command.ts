import { join } from 'node:path';
import { ConfigError, parseConfig, startServer } from '@waybill/server';
import { CliError } from '../cli-error.js';

export interface StartOptions {
  port?: string;
  /** Folder of example flows deployed on an empty database; false to start empty. */
  seed?: string | false;
  /** Run no worker in this process (workers run as `waybill worker` elsewhere). */
  worker?: boolean;
  /** Serve the simulators for the demo; by default only on the embedded setup (no DATABASE_URL). */
  simulators?: boolean;
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
  const seedDir = options.seed === false ? undefined : (options.seed ?? 'flows');
  const server = await startServer(config, {
    embeddedWorker: options.worker !== false,
    simulators: options.simulators ?? config.databaseUrl === undefined,
    ...(seedDir ? { seedDir } : {}),
  }).catch((error: Error) => {
    throw new CliError(`Waybill could not start: ${error.message}`);
  });
  print(`Waybill is running at ${server.url}`);
  print(
    `  storage: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`} · queue: ${config.redisUrl ? 'BullMQ on Redis' : 'embedded'}`,
  );
  print(`  API description: ${server.url}/api/openapi.json · stop with Ctrl+C`);
  const admin = server.firstAdmin;
  if (admin && 'oneTimePassword' in admin) {
    print(`  first start: created the admin ${admin.email}; sign in with this one-time password:`);
    print(`    ${admin.oneTimePassword}`);
    print(
      `  it works once, until ${admin.expiresAt}, and you then choose your own (lost it? waybill users reset-password --email ${admin.email})`,
    );
  } else if (admin) {
    print(`  first start: created the admin ${admin.email} with the API token in WAYBILL_BOOTSTRAP_TOKEN`);
  }
  for (const simulator of server.simulators) {
    print(`  ${simulator.title} simulator: ${simulator.url} (credential "${simulator.credentialId}")`);
  }
  for (const flow of server.seeded) {
    print(
      flow.takesHooks
        ? `  deployed example flow "${flow.name}": POST ${server.url}/hooks/${flow.id}`
        : `  deployed example flow "${flow.name}" (started by ${flow.trigger})`,
    );
  }
  if (server.simulators.length > 0) {
    print(
      `  EDI demo partner: credential "edi-demo-partner" (XYZ Retail, X12); its folders: credential "edi-demo-folder" at ${join(config.dataDir, 'edi')}`,
    );
  }
  // EDI example flows take the interchange as text, so they get their own try-it line below.
  const example = server.seeded.find((flow) => flow.sampleInput && !flow.id.startsWith('edi-'));
  if (example?.sampleInput) {
    print('  try it:');
    print(
      `    node -e "process.stdout.write(JSON.stringify(require('./${example.sampleInput}').body))" | \\`,
    );
    print(
      `    curl -s -X POST ${server.url}/hooks/${example.id} -H 'content-type: application/json' -H "x-shopify-webhook-id: $RANDOM" --data-binary @-`,
    );
    print(`  then read its execution with an API token:`);
    print(
      `    export WAYBILL_TOKEN=$(pnpm -s waybill tokens create --email ${config.adminEmail} --name try-it)`,
    );
    print(
      `    curl -s '${server.url}/api/executions?flowId=${example.id}' -H "authorization: Bearer $WAYBILL_TOKEN"`,
    );
  }
  if (server.seeded.some((flow) => flow.id === 'edi-850-to-odoo')) {
    print('  try the EDI flow (997 and 855 land in the outbound folder):');
    print(
      `    curl -s -X POST ${server.url}/hooks/edi-850-to-odoo -H 'content-type: application/edi-x12' --data-binary @connectors/edi/fixtures/x12/nodex12__850.edi`,
    );
  }
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
