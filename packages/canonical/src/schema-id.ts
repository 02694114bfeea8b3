/**
 * The canonical entities, in the order the engine registers them.
 *
 * @example
 * canonicalEntityNames.includes('order'); // true
 */
export const canonicalEntityNames = [
  'address',
  'customer',
  'product',
  'warehouse',
  'inventory',
  'order',
  'shipment',
  'invoice',
  'payment',
  'return',
] as const;

/**
 * The name of a canonical entity, as it appears in its schema `$id`.
 *
 * @example
 * const entity: CanonicalEntityName = 'shipment';
 */
export type CanonicalEntityName = (typeof canonicalEntityNames)[number];

/**
 * The `$id` of a canonical entity schema.
 *
 * @example
 * const id: CanonicalSchemaId = 'https://waybill.dev/schemas/canonical/order/v1.json';
 */
export type CanonicalSchemaId<
  E extends CanonicalEntityName = CanonicalEntityName,
  V extends number = number,
> = `https://waybill.dev/schemas/canonical/${E}/v${V}.json`;

/**
 * The `$id` a canonical entity schema is registered under; a `$ref` to it resolves in any ajv
 * instance that has `canonicalSchemas` added.
 *
 * @example
 * canonicalSchemaId('order');    // 'https://waybill.dev/schemas/canonical/order/v1.json'
 * canonicalSchemaId('order', 2); // 'https://waybill.dev/schemas/canonical/order/v2.json'
 */
export function canonicalSchemaId<E extends CanonicalEntityName>(
  entity: E,
  version = 1,
): CanonicalSchemaId<E> {
  if (!Number.isInteger(version) || version < 1) {
    throw new RangeError(`A canonical schema version is a whole number from 1 up, not ${version}.`);
  }
  return `https://waybill.dev/schemas/canonical/${entity}/v${version}.json`;
}
