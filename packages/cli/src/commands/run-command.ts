import { randomUUID } from 'node:crypto';
import { loadConnectors } from '@waybill/server';
import { cliEngine } from '../catalog.js';
import { EXIT_FLOW_FAILED, EXIT_OK, type ExitCode } from '../cli-error.js';
import { formatRunReport } from '../format/run-report.js';
import { readJsonFile } from '../load-flow.js';
import { withSimulatorsFor } from '../simulated-credentials.js';
import { loadValidFlow } from '../validated-flow.js';

export interface RunOptions {
  input: string;
  json?: boolean;
  /** Run only what leads to this node. */
  until?: string;
}

/**
 * `waybill run <flow> --input <file> [--json]`: runs the flow once on the input, in process.
 * Retries and delays wait in place, since there is no queue to hand them to.
 *
 * @example
 * await runCommand('flows/shopify-order-intake', { input: 'order.json' }, console.log); // 0 or 1
 */
export async function runCommand(
  target: string,
  options: RunOptions,
  print: (text: string) => void,
): Promise<ExitCode> {
  // No credential store here: connector nodes reach public hosts without credentials, and the
  // simulators' credentials (odoo-sim, ...) reach simulators started for this run.
  const connectors = loadConnectors();
  const { catalog } = connectors;
  const { revision } = await loadValidFlow(target, catalog);
  const trigger = await readJsonFile(options.input, 'input');
  return withSimulatorsFor([revision.definition], async ({ secrets, simulators }) => {
    // With --json the output must stay one JSON document.
    if (!options.json)
      for (const simulator of simulators)
        print(
          `Using the ${simulator.title} simulator at ${simulator.url} for the credential "${simulator.credential.id}".`,
        );
    const engine = cliEngine(connectors, secrets);
    try {
      const record = await engine.run({
        executionId: `cli_${randomUUID()}`,
        revision,
        trigger,
        ...(options.until ? { stopAfter: options.until } : {}),
      });
      print(options.json ? JSON.stringify(record, null, 2) : formatRunReport(record));
      return record.status === 'succeeded' ? EXIT_OK : EXIT_FLOW_FAILED;
    } finally {
      await engine.close();
    }
  });
}
