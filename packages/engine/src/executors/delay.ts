import { userError } from '@waybill/connector-kit';
import { DelayConfigSchema } from '@waybill/flow';
import { defineExecutor, Suspend } from './executor.js';
import { readConfig } from './read-config.js';

/**
 * core.delay: short waits happen in place; long ones suspend the execution so the worker is free,
 * and the recorded due time is honoured when the execution resumes.
 */
export const delayExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(DelayConfigSchema, node);
    return {
      ms: config.ms,
      until:
        config.until === undefined
          ? undefined
          : services.expressions.get(config.until, `node "${node.id}" (until)`),
    };
  },
  run: async ({ prepared, input, bindings, previous, signal, services, node }) => {
    const now = services.clock.now();
    let due: number;
    if (previous?.resumeAt) {
      due = Date.parse(previous.resumeAt);
    } else if (prepared.until) {
      const value = await prepared.until.evaluate(input, bindings);
      due = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : Number.NaN;
      if (Number.isNaN(due)) {
        throw userError({
          code: 'DELAY_INVALID_TIME',
          message: `Node "${node.id}" could not read a time from its until expression; it gave ${JSON.stringify(value)}.`,
        });
      }
    } else {
      due = now + (prepared.ms ?? 0);
    }
    const wait = due - now;
    if (wait > services.maxInlineWaitMs) throw new Suspend(due);
    if (wait > 0) await services.clock.sleep(wait, signal);
    return { output: input, port: 'out' };
  },
});
