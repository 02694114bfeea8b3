import { BranchConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/** core.branch: the input leaves unchanged on the port of the first case whose condition is truthy. */
export const branchExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(BranchConfigSchema, node);
    return config.cases.map((entry, index) => ({
      port: entry.port,
      condition: services.expressions.get(
        entry.condition,
        `node "${node.id}" (case ${index + 1}, port "${entry.port}")`,
      ),
    }));
  },
  run: async ({ prepared, input, bindings }) => {
    for (const entry of prepared) {
      if (truthy(await entry.condition.evaluate(input, bindings))) return { output: input, port: entry.port };
    }
    return { output: input, port: 'default' };
  },
});

/** JSONata's boolean cast: empty arrays, empty strings, 0, null and undefined are false. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(truthy);
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}
