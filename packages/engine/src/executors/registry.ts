import { branchExecutor } from './branch.js';
import { codeExecutor } from './code.js';
import { connectorExecutor } from './connector.js';
import { delayExecutor } from './delay.js';
import type { NodeExecutor } from './executor.js';
import { failExecutor } from './fail.js';
import { fanOutExecutor } from './fan-out.js';
import { forEachExecutor } from './for-each.js';
import { mergeExecutor } from './merge.js';
import { respondExecutor } from './respond.js';
import { transformExecutor } from './transform.js';
import { validateExecutor } from './validate.js';

const coreExecutors: Record<string, NodeExecutor<unknown>> = {
  'core.transform': transformExecutor as NodeExecutor<unknown>,
  'core.validate': validateExecutor as NodeExecutor<unknown>,
  'core.branch': branchExecutor as NodeExecutor<unknown>,
  'core.forEach': forEachExecutor as NodeExecutor<unknown>,
  'core.merge': mergeExecutor as NodeExecutor<unknown>,
  'core.code': codeExecutor as NodeExecutor<unknown>,
  'core.delay': delayExecutor as NodeExecutor<unknown>,
  'core.respond': respondExecutor as NodeExecutor<unknown>,
  'core.fail': failExecutor as NodeExecutor<unknown>,
  'core.fanOut': fanOutExecutor as NodeExecutor<unknown>,
};

/** The executor of a node type: a core one, or the connector executor for everything else. */
export function executorFor(type: string): NodeExecutor<unknown> {
  return coreExecutors[type] ?? (connectorExecutor as NodeExecutor<unknown>);
}
