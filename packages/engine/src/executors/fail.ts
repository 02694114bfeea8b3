import { userError } from '@waybill/connector-kit';
import { FailConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/** core.fail: stops this path with the error the analyst chose; it is never retried. */
export const failExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(FailConfigSchema, node);
    return {
      code: config.code ?? 'FLOW_FAILED',
      message: config.message,
      messageExpression:
        config.messageExpression === undefined
          ? undefined
          : services.expressions.get(config.messageExpression, `node "${node.id}" (messageExpression)`),
    };
  },
  run: async ({ prepared, input, bindings }) => {
    let message = prepared.message;
    if (prepared.messageExpression) {
      const value = await prepared.messageExpression.evaluate(input, bindings);
      if (value !== undefined && value !== null)
        message = typeof value === 'string' ? value : JSON.stringify(value);
    }
    throw userError({ code: prepared.code, message });
  },
});
