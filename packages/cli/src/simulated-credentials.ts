import type { SecretsPort } from '@waybill/engine';
import type { FlowDefinition } from '@waybill/flow';
import {
  installedSimulators,
  type RunningSimulator,
  simulatorSecrets,
  startSimulator,
} from '@waybill/server';

/**
 * Runs `work` with the simulators whose credentials the flows use (e.g. `odoo-sim`) serving on
 * free loopback ports, and a secrets port that resolves those credentials; the CLI has no
 * credential store, so this is how `waybill run` and `waybill test` reach "Odoo" on a laptop.
 * Without such credentials nothing is started and `secrets` is undefined.
 *
 * @example
 * await withSimulatorsFor([revision.definition], async ({ secrets }) => engine.run(...));
 */
export async function withSimulatorsFor<T>(
  flows: readonly FlowDefinition[],
  work: (context: {
    secrets: SecretsPort | undefined;
    simulators: readonly RunningSimulator[];
  }) => Promise<T>,
): Promise<T> {
  const used = new Set(
    flows.flatMap((flow) => flow.nodes.flatMap((node) => (node.credential ? [node.credential] : []))),
  );
  const needed = installedSimulators.filter((simulator) => used.has(simulator.credentialId));
  const simulators: RunningSimulator[] = [];
  try {
    for (const simulator of needed) simulators.push(await startSimulator(simulator.id, { port: 0 }));
    return await work({
      secrets: simulators.length > 0 ? simulatorSecrets(simulators) : undefined,
      simulators,
    });
  } finally {
    await Promise.all(simulators.map((simulator) => simulator.close()));
  }
}
