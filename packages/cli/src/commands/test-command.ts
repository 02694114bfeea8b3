import { loadConnectors } from '@waybill/server';
import { cliEngine } from '../catalog.js';
import { EXIT_FLOW_FAILED, EXIT_OK, type ExitCode } from '../cli-error.js';
import { listCases, runCase } from '../flow-cases.js';
import { withSimulatorsFor } from '../simulated-credentials.js';
import { loadValidFlow } from '../validated-flow.js';

/**
 * `waybill test <flow>...`: runs every case under each flow's tests/ folder and reports
 * differences from expected.json. Exit code 1 when a case fails.
 *
 * @example
 * await testCommand(['flows/shopify-order-intake'], console.log);
 */
export async function testCommand(targets: string[], print: (text: string) => void): Promise<ExitCode> {
  const connectors = loadConnectors();
  const { catalog } = connectors;
  const flows: Array<{ target: string } & Awaited<ReturnType<typeof loadValidFlow>>> = [];
  for (const target of targets) flows.push({ target, ...(await loadValidFlow(target, catalog)) });
  let failed = 0;
  let total = 0;
  await withSimulatorsFor(
    flows.map((flow) => flow.revision.definition),
    async ({ secrets }) => {
      const engine = cliEngine(connectors, secrets);
      try {
        for (const { target, revision, dir } of flows) {
          const cases = await listCases(dir);
          if (cases.length === 0)
            print(`- ${target}: no test cases (add tests/<case>/input.json and expected.json).`);
          for (const name of cases) {
            const result = await runCase(engine, revision, dir, name);
            total += 1;
            if (result.passed) {
              print(`✓ ${revision.definition.id} › ${name}`);
            } else {
              failed += 1;
              print(
                `✗ ${revision.definition.id} › ${name}\n${result.mismatches.map((m) => `    ${m}`).join('\n')}`,
              );
            }
          }
        }
      } finally {
        await engine.close();
      }
    },
  );
  print(`${total - failed} of ${total} case${total === 1 ? '' : 's'} passed.`);
  return failed === 0 ? EXIT_OK : EXIT_FLOW_FAILED;
}
