import { TransformConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/** core.transform: the output is the JSONata expression evaluated against the input. */
export const transformExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(TransformConfigSchema, node);
    return { expression: services.expressions.get(config.expression, `node "${node.id}" (expression)`) };
  },
  run: async ({ prepared, input, bindings }) => {
    const output = await prepared.expression.evaluate(input, bindings);
    return { output: output ?? null, port: 'out' };
  },
});
