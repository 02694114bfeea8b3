import { CodeConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/** core.code: user JavaScript in the isolated-vm sandbox; console output goes to the step's logs. */
export const codeExecutor = defineExecutor({
  prepare: (node) => {
    const config = readConfig(CodeConfigSchema, node);
    return { code: config.code, timeoutMs: config.timeoutMs ?? 1000, memoryMb: config.memoryMb ?? 64 };
  },
  run: async ({ prepared, input, signal, services }) => {
    const result = await services.sandbox().run({ ...prepared, input, signal });
    return { output: result.output, port: 'out', logs: result.logs };
  },
});
