import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { userError } from '@waybill/connector-kit';
import type { NodeDefinition } from '@waybill/flow';

/**
 * Reads a core node's config as its declared type. Runs once per revision (in prepare), so a
 * config that slipped past validation fails its node with a sentence instead of misbehaving.
 *
 * @example
 * const config = readConfig(TransformConfigSchema, node); // typed as TransformConfig
 */
export function readConfig<T extends TSchema>(schema: T, node: NodeDefinition): Static<T> {
  const config: unknown = node.config ?? {};
  if (Value.Check(schema, config)) return config;
  const first = Value.Errors(schema, config).First();
  const where = first?.path ? ` at ${first.path}` : '';
  throw userError({
    code: 'INVALID_CONFIG',
    message: `Node "${node.id}" has an invalid config${where}: ${first?.message ?? 'it does not match its type'}.`,
  });
}
