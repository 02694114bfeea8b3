import { createEngine } from '@waybill/engine';
import { cliCatalog } from '../catalog.js';
import { EXIT_FLOW_FAILED, EXIT_OK, type ExitCode } from '../cli-error.js';
import { listCases, runCase } from '../flow-cases.js';
import { loadValidFlow } from '../validated-flow.js';

/**
 * `waybill test <flow>...`: runs every case under each flow's tests/ folder and reports
 * differences from expected.json. Exit code 1 when a case fails.
 *
 * @example
 * await testCommand(['flows/shopify-order-intake'], console.log);
 */
export async function testCommand(targets: string[], print: (text: string) => void): Promise<ExitCode> {
  const catalog = cliCatalog();
  const engine = createEngine({ catalog, maxInlineWaitMs: Number.POSITIVE_INFINITY });
  let failed = 0;
  let total = 0;
  try {
    for (const target of targets) {
      const { revision, dir } = await loadValidFlow(target, catalog);
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
  print(`${total - failed} of ${total} case${total === 1 ? '' : 's'} passed.`);
  return failed === 0 ? EXIT_OK : EXIT_FLOW_FAILED;
}
