import { systemError, userError } from '@waybill/connector-kit';
import { FanOutConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/** Child executions one fan-out may start; a larger batch is split across runs of the flow. */
export const MAX_FAN_OUT = 10_000;

/**
 * core.fanOut: starts one execution of another flow per record (or chunk of records). Each child
 * carries `{ parentExecutionId, index, records }` (or `record` when chunks are single), so it fails,
 * shows in the dead-letter inbox and is replayed on its own. The node is side-effecting and each
 * chunk's dedupe key derives from the step's idempotency key: retries, resumes and replays of the
 * parent never start a chunk twice.
 */
export const fanOutExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(FanOutConfigSchema, node);
    return {
      flowId: config.flowId,
      chunkSize: config.chunkSize ?? 1,
      items:
        config.items === undefined
          ? undefined
          : services.expressions.get(config.items, `node "${node.id}" (items)`),
      businessKey:
        config.businessKey === undefined
          ? undefined
          : services.expressions.get(config.businessKey, `node "${node.id}" (businessKey)`),
    };
  },
  run: async ({ prepared, input, bindings, services, node, executionId, idempotencyKey }) => {
    if (!services.dispatcher) {
      throw systemError({
        code: 'NO_DISPATCHER',
        message: `Node "${node.id}" starts executions of flow "${prepared.flowId}", which only the Waybill service can do; run the flow there.`,
        retryable: false,
      });
    }
    const value = prepared.items ? await prepared.items.evaluate(input, bindings) : input;
    const records = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    const chunks: unknown[][] = [];
    for (let i = 0; i < records.length; i += prepared.chunkSize)
      chunks.push(records.slice(i, i + prepared.chunkSize));
    if (chunks.length > MAX_FAN_OUT) {
      throw userError({
        code: 'FAN_OUT_TOO_LARGE',
        message: `Node "${node.id}" would start ${chunks.length.toLocaleString('en-US')} executions; raise chunkSize or page the source so one run starts at most ${MAX_FAN_OUT.toLocaleString('en-US')}.`,
      });
    }
    const requests = await Promise.all(
      chunks.map(async (chunk, index) => {
        const first = chunk[0];
        const key =
          prepared.businessKey && chunk.length === 1
            ? await prepared.businessKey.evaluate(first, bindings)
            : undefined;
        const payload =
          prepared.chunkSize === 1
            ? { parentExecutionId: executionId, index, record: first }
            : { parentExecutionId: executionId, index, records: chunk };
        return {
          parentExecutionId: executionId,
          flowId: prepared.flowId,
          payload,
          businessKey: key === undefined || key === null ? undefined : String(key),
          dedupeKey: `${idempotencyKey}#${index}`,
        };
      }),
    );
    const executionIds = requests.length === 0 ? [] : await services.dispatcher.dispatch(requests);
    return {
      output: {
        flowId: prepared.flowId,
        records: records.length,
        executions: executionIds.length,
        executionIds,
      },
      port: 'out',
    };
  },
});
