import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretsPort } from '@waybill/engine';
import type { FlowDefinition } from '@waybill/flow';
import {
  demoEdiCredentialIds,
  demoEdiCredentials,
  installedSimulators,
  type RunningSimulator,
  simulatorSecrets,
  startSimulator,
} from '@waybill/server';

/**
 * Runs `work` with the simulators whose credentials the flows use (e.g. `odoo-sim`) serving on
 * free loopback ports, and a secrets port that resolves those credentials; the CLI has no
 * credential store, so this is how `waybill run` and `waybill test` reach "Odoo" on a laptop.
 * Flows using the demo EDI partner and folder (`edi-demo-partner`, `edi-demo-folder`) get them
 * too, with the folder in a temporary directory removed afterwards. Without any such credential
 * nothing is started and `secrets` is undefined.
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
  const usesEdiDemo = demoEdiCredentialIds.some((id) => used.has(id));
  const simulators: RunningSimulator[] = [];
  const ediRoot = usesEdiDemo ? await mkdtemp(join(tmpdir(), 'waybill-edi-')) : undefined;
  try {
    for (const simulator of needed) simulators.push(await startSimulator(simulator.id, { port: 0 }));
    const extra = ediRoot ? demoEdiCredentials(ediRoot) : [];
    return await work({
      secrets: simulators.length > 0 || extra.length > 0 ? simulatorSecrets(simulators, extra) : undefined,
      simulators,
    });
  } finally {
    await Promise.all(simulators.map((simulator) => simulator.close()));
    if (ediRoot) await rm(ediRoot, { recursive: true, force: true });
  }
}
