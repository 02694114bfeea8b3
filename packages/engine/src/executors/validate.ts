import { userError } from '@waybill/connector-kit';
import { ValidateConfigSchema } from '@waybill/flow';
import { defineExecutor } from './executor.js';
import { readConfig } from './read-config.js';

/**
 * core.validate: valid data leaves on `valid` unchanged; invalid data leaves on `invalid` as
 * `{ data, errors }`. When nothing is connected to `invalid`, invalid data fails the node instead of
 * quietly ending the path.
 */
export const validateExecutor = defineExecutor({
  prepare: (node, services) => {
    const config = readConfig(ValidateConfigSchema, node);
    return { check: services.schemas.compile(config.schema, `node "${node.id}"`) };
  },
  run: async ({ prepared, input, node, connectedPorts }) => {
    const errors = prepared.check(input);
    if (errors.length === 0) return { output: input, port: 'valid' };
    if (!connectedPorts.has('invalid')) {
      const list = errors
        .slice(0, 5)
        .map((e) => e.message)
        .join(' ');
      const more = errors.length > 5 ? ` …and ${errors.length - 5} more.` : '';
      throw userError({
        code: 'VALIDATION_FAILED',
        message: `Node "${node.id}" found ${errors.length} problem${errors.length === 1 ? '' : 's'} in its input: ${list}${more}`,
        details: { errors },
      });
    }
    return { output: { data: input, errors }, port: 'invalid' };
  },
});
