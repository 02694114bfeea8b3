import { type Static, Type } from '@sinclair/typebox';
import {
  ExtensionsSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  QuantitySchema,
  UomSchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';

// The warehouse (WMS / 3PL) is the source of record for what physically sits on its shelves;
// Odoo is the source of record for what is promised to orders and what is on its way in, and its
// stock.quant mirrors the warehouse counts. Channels and EDI partners (846) only read positions.

/**
 * Goods expected into the warehouse on one date: an open purchase order or transfer receipt.
 *
 * @example
 * const arrival: CanonicalInventoryArrival = { quantity: '48', expectedOn: '2025-03-10' };
 */
export const CanonicalInventoryArrivalSchema = Type.Object(
  {
    quantity: withDescription(
      QuantitySchema,
      'Quantity expected, in the uom of the position. Source of record: Odoo (incoming stock.move of a receipt).',
    ),
    expectedOn: withDescription(
      IsoDateSchema,
      'Date the goods are expected to be received (Odoo scheduled_date of the receipt). Source of record: Odoo.',
    ),
  },
  { additionalProperties: false, description: 'Goods expected into the warehouse on one date.' },
);

/**
 * The stock of one SKU in the warehouse.
 *
 * @example
 * const position: CanonicalInventoryPosition = { sku: 'CB-ESP-1KG', onHand: '240', available: '204', reserved: '36' };
 */
export const CanonicalInventoryPositionSchema = Type.Object(
  {
    sku: Type.String({
      minLength: 1,
      description: 'SKU counted, matched to Odoo default_code. Source of record: Odoo.',
    }),
    description: Type.Optional(
      Type.String({ description: 'Product name for people, as Odoo shows it. Source of record: Odoo.' }),
    ),
    onHand: withDescription(
      QuantitySchema,
      'Quantity physically in the warehouse, reserved or not, in `uom`. Source of record: the warehouse (WMS / 3PL), mirrored by Odoo stock.quant quantity.',
    ),
    available: withDescription(
      QuantitySchema,
      'Quantity that can still be promised to new orders: on hand less reserved and held stock, in `uom` (Odoo free_qty). Source of record: Odoo.',
    ),
    reserved: Type.Optional(
      withDescription(
        QuantitySchema,
        'Quantity on hand already reserved for confirmed orders, in `uom` (Odoo reserved_quantity); absent when unknown. Source of record: Odoo.',
      ),
    ),
    incoming: Type.Optional(
      Type.Array(CanonicalInventoryArrivalSchema, {
        description:
          'Goods expected in, one entry per expected date, earliest first; absent or empty when nothing is due. Source of record: Odoo.',
      }),
    ),
    uom: Type.Optional(
      withDescription(UomSchema, 'Unit every quantity of the position is counted in; absent means Units.'),
    ),
  },
  { additionalProperties: false, description: 'The stock of one SKU in the warehouse.' },
);

/**
 * An inventory advice: the stock of a warehouse at one instant, SKU by SKU, as sent to channels
 * and to trading partners (EDI 846).
 *
 * @example
 * const inventory: CanonicalInventory = {
 *   asOf: '2025-03-03T06:00:00+01:00', warehouse: { code: 'BER1', name: 'Berlin Tempelhof DC' },
 *   positions: [{ sku: 'CB-ESP-1KG', onHand: '240', available: '204', reserved: '36' }],
 * };
 */
export const CanonicalInventorySchema = Type.Object(
  {
    asOf: withDescription(
      IsoDateTimeSchema,
      'Instant the quantities were taken; a later advice for the same warehouse supersedes this one. Source of record: the system that took the snapshot (Odoo or the WMS).',
    ),
    warehouse: Type.Object(
      {
        code: Type.String({
          minLength: 1,
          description:
            'Code of the warehouse counted, as in CanonicalWarehouse.code. Source of record: Odoo stock.warehouse code.',
        }),
        name: Type.Optional(
          Type.String({ minLength: 1, description: 'Warehouse name for people. Source of record: Odoo.' }),
        ),
      },
      {
        additionalProperties: false,
        description: 'The warehouse the positions are counted in. Source of record: Odoo stock.warehouse.',
      },
    ),
    positions: Type.Array(CanonicalInventoryPositionSchema, {
      minItems: 1,
      description:
        'One position per SKU, at least one. Source of record: the warehouse for counts, Odoo for reservations.',
    }),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('inventory'),
    additionalProperties: false,
    description:
      'Canonical inventory advice, v1. Source of record: the warehouse (WMS / 3PL) for what is on hand, Odoo for what is reserved and incoming.',
  },
);

/**
 * A canonical inventory advice.
 *
 * @example
 * const inventory: CanonicalInventory = {
 *   asOf: '2025-03-03T05:00:00Z', warehouse: { code: 'ATL3' },
 *   positions: [{ sku: 'GR-BUR-64', onHand: '0', available: '0', incoming: [{ quantity: '20', expectedOn: '2025-03-12' }] }],
 * };
 */
export type CanonicalInventory = Static<typeof CanonicalInventorySchema>;

/**
 * One position of a canonical inventory advice.
 *
 * @example
 * const position: CanonicalInventoryPosition = { sku: 'GR-BUR-64', onHand: '14', available: '9', reserved: '5' };
 */
export type CanonicalInventoryPosition = Static<typeof CanonicalInventoryPositionSchema>;

/**
 * Goods expected into the warehouse on one date.
 *
 * @example
 * const arrival: CanonicalInventoryArrival = { quantity: '20', expectedOn: '2025-03-12' };
 */
export type CanonicalInventoryArrival = Static<typeof CanonicalInventoryArrivalSchema>;
