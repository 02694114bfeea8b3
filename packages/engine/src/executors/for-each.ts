import { userError } from '@waybill/connector-kit';
import { ForEachConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/**
 * core.forEach: evaluates the items, runs the body once per item (the scheduler does that, with the
 * node's concurrency) and sends the collected results, in item order, out of `done`.
 */
export const forEachExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(ForEachConfigSchema, node);
    return {
      items:
        config.items === undefined
          ? undefined
          : services.expressions.get(config.items, `node "${node.id}" (items)`),
      concurrency: config.concurrency ?? 4,
      onItemError: config.onItemError ?? 'fail',
    };
  },
  run: async ({ prepared, input, bindings, runLoop, node }) => {
    const value = prepared.items ? await prepared.items.evaluate(input, bindings) : input;
    const items = value === undefined || value === null ? [] : Array.isArray(value) ? [...value] : [value];
    if (items.length > 100_000) {
      throw userError({
        code: 'LOOP_TOO_LARGE',
        message: `Node "${node.id}" was given ${items.length.toLocaleString('en-US')} items; split the work into batches of at most 100,000.`,
      });
    }
    const { concurrency, onItemError } = prepared;
    return { output: await runLoop(items, { concurrency, onItemError }), port: 'done' };
  },
});
