import { RespondConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/** core.respond: sets the reply a synchronous webhook caller receives; the input passes through. */
export const respondExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(RespondConfigSchema, node);
    return {
      status: config.status ?? 200,
      headers: config.headers ?? {},
      body:
        config.body === undefined
          ? undefined
          : services.expressions.get(config.body, `node "${node.id}" (body)`),
    };
  },
  run: async ({ prepared, input, bindings, respond }) => {
    const body = prepared.body ? await prepared.body.evaluate(input, bindings) : input;
    respond({ status: prepared.status, headers: prepared.headers, body: body ?? null });
    return { output: input, port: 'out' };
  },
});
