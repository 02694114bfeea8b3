import { type Static, Type } from '@sinclair/typebox';
import { ExtensionsSchema, ExternalIdsSchema, embed } from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';
import { CanonicalAddressSchema } from './address.js';

/**
 * A warehouse goods ship from: an Odoo warehouse or a 3PL site. Odoo (stock.warehouse) is the
 * source of record; a 3PL's own site id goes in `externalIds`.
 *
 * @example
 * const warehouse: CanonicalWarehouse = { code: 'BER1', name: 'Berlin Tempelhof DC' };
 */
export const CanonicalWarehouseSchema = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      description:
        'Short code shipments and stock are booked against. Source of record: Odoo stock.warehouse code.',
    }),
    name: Type.String({ minLength: 1, description: 'Warehouse name for people. Source of record: Odoo.' }),
    address: Type.Optional(
      embed(
        CanonicalAddressSchema,
        'Where the warehouse is; the ship-from on labels. Source of record: Odoo.',
      ),
    ),
    externalIds: Type.Optional(ExternalIdsSchema),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('warehouse'),
    additionalProperties: false,
    description: 'Canonical warehouse, v1. Source of record: Odoo stock.warehouse.',
  },
);

/**
 * A canonical warehouse.
 *
 * @example
 * const warehouse: CanonicalWarehouse = { code: 'ATL3', name: 'ShipBob Atlanta' };
 */
export type CanonicalWarehouse = Static<typeof CanonicalWarehouseSchema>;
