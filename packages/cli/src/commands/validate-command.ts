import { validateFlow } from '@waybill/flow';
import { cliCatalog } from '../catalog.js';
import { CliError, EXIT_INVALID, EXIT_OK, type ExitCode } from '../cli-error.js';
import { loadFlow } from '../load-flow.js';
import { formatProblems } from '../validated-flow.js';

/**
 * `waybill validate <flow>...`: checks each flow and lists every problem.
 *
 * @example
 * await validateCommand(['flows/a', 'flows/b'], console.log); // 0 when all are valid
 */
export async function validateCommand(targets: string[], print: (text: string) => void): Promise<ExitCode> {
  const catalog = cliCatalog();
  let exit: ExitCode = EXIT_OK;
  for (const target of targets) {
    try {
      const loaded = await loadFlow(target);
      const result = validateFlow(loaded.definition, catalog);
      if (result.ok) {
        print(`✓ ${target} is valid (${result.flow.nodes.length} nodes, ${result.flow.edges.length} edges).`);
      } else {
        const count = result.problems.length;
        print(
          `✗ ${target} has ${count} problem${count === 1 ? '' : 's'}:\n${formatProblems(result.problems)}`,
        );
        exit = EXIT_INVALID;
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      print(`✗ ${error.message}`);
      exit = EXIT_INVALID;
    }
  }
  return exit;
}
