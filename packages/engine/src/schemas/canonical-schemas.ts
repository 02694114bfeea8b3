import { canonicalSchemas } from '@waybill/canonical';
import type { AnySchema } from 'ajv';

/**
 * The canonical entity schemas `core.validate` and node schema checks may `$ref`: by their full
 * `$id` (`https://waybill.dev/schemas/canonical/order/v1.json`) or by the short name analysts
 * write in flows (`canonical/order/v1`), which is a schema of its own pointing at the full one.
 *
 * @example
 * createSchemaChecker(canonicalSchemaRegistry()).compile({ $ref: 'canonical/order/v1' });
 */
export function canonicalSchemaRegistry(): AnySchema[] {
  const aliases = canonicalSchemas.flatMap((schema) => {
    const id = schema.$id;
    const short = id
      ? /^https:\/\/waybill\.dev\/schemas\/(canonical\/[a-z]+\/v\d+)\.json$/.exec(id)?.[1]
      : undefined;
    return id && short ? [{ $id: short, $ref: id }] : [];
  });
  return [...canonicalSchemas, ...aliases];
}
