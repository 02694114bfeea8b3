import { diffFlows, formatFlowDiff } from '@waybill/flow';
import { cliCatalog } from '../catalog.js';
import { EXIT_OK, type ExitCode } from '../cli-error.js';
import { loadValidFlow } from '../validated-flow.js';

/**
 * `waybill diff <a> <b>`: what changed from flow a to flow b, node by node.
 *
 * @example
 * await diffCommand('flows/v1', 'flows/v2', { json: false }, console.log);
 */
export async function diffCommand(
  before: string,
  after: string,
  options: { json?: boolean },
  print: (text: string) => void,
): Promise<ExitCode> {
  const catalog = cliCatalog();
  const a = await loadValidFlow(before, catalog);
  const b = await loadValidFlow(after, catalog);
  const diff = diffFlows(a.revision.definition, b.revision.definition);
  print(options.json ? JSON.stringify(diff, null, 2) : formatFlowDiff(diff));
  return EXIT_OK;
}
