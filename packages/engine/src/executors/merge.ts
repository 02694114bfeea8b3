import { MergeConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/**
 * core.merge: waits for every incoming branch (the scheduler runs it once all of them have either
 * arrived or been skipped) and joins what arrived.
 */
export const mergeExecutor = defineExecutor({
  prepare: (node) => ({ mode: readConfig(MergeConfigSchema, node).mode ?? 'object' }),
  run: async ({ prepared, inputs }) => {
    switch (prepared.mode) {
      case 'array':
        return { output: inputs.map((i) => i.value), port: 'out' };
      case 'deep':
        return { output: inputs.reduce<unknown>((acc, i) => deepMerge(acc, i.value), {}), port: 'out' };
      default:
        return { output: Object.fromEntries(inputs.map((i) => [i.from, i.value])), port: 'out' };
    }
  },
});

function deepMerge(target: unknown, source: unknown): unknown {
  if (!isPlainObject(target) || !isPlainObject(source)) return source;
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    result[key] = key in result ? deepMerge(result[key], value) : value;
  }
  return result;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
