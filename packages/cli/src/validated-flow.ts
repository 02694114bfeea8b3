import { createRevision, type NodeCatalog, type Problem, type Revision, validateFlow } from '@waybill/flow';
import { CliError } from './cli-error.js';
import { type LoadedFlow, loadFlow } from './load-flow.js';

/**
 * Loads a flow and validates it, failing with every problem listed (exit code 2).
 *
 * @example
 * const { revision } = await loadValidFlow('flows/shopify-order-intake', catalog);
 */
export async function loadValidFlow(
  target: string,
  catalog: NodeCatalog,
): Promise<LoadedFlow & { revision: Revision }> {
  const loaded = await loadFlow(target);
  const result = validateFlow(loaded.definition, catalog);
  if (!result.ok)
    throw new CliError(`${loaded.path} is not a valid flow:\n${formatProblems(result.problems)}`);
  return { ...loaded, revision: createRevision(result.flow) };
}

/** One problem per line: where it is, then the sentence. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.pointer || '/'}  ${p.message}`).join('\n');
}
