import { type Static, Type } from '@sinclair/typebox';
import {
  ExtensionsSchema,
  embed,
  IsoDateTimeSchema,
  QuantitySchema,
  UomSchema,
  WeightSchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';
import { CanonicalAddressSchema } from './address.js';

// The 3PL / WMS is the source of record for what was packed, the carrier for tracking and
// delivery; Odoo's stock.picking mirrors both and feeds invoicing, so invoices match what shipped.

/**
 * One parcel or pallet of a shipment.
 *
 * @example
 * const parcel: CanonicalShipmentPackage = {
 *   trackingNumber: '00340434161094042557', items: [{ sku: 'CB-ESP-1KG', quantity: '12' }],
 * };
 */
export const CanonicalShipmentPackageSchema = Type.Object(
  {
    sscc: Type.Optional(
      Type.String({
        pattern: '^[0-9]{18}$',
        description:
          'GS1 Serial Shipping Container Code: 18 digits, check digit included, as on the label and the EDI 856 MAN segment. Source of record: the 3PL.',
      }),
    ),
    trackingNumber: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Carrier tracking number of this package. Source of record: the carrier.',
      }),
    ),
    weight: Type.Optional(
      withDescription(
        WeightSchema,
        'Gross weight of the package as weighed at packing. Source of record: the 3PL.',
      ),
    ),
    items: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, description: 'SKU packed, matched to Odoo default_code.' }),
          quantity: withDescription(QuantitySchema, 'Quantity packed in this package, in `uom`.'),
          uom: Type.Optional(
            withDescription(UomSchema, 'Unit the quantity is counted in; absent means Units.'),
          ),
        },
        { additionalProperties: false, description: 'A product packed in the package.' },
      ),
      {
        description:
          'What the package holds; empty when only the carrier reported it and contents are unknown. Source of record: the 3PL.',
      },
    ),
  },
  { additionalProperties: false, description: 'A parcel or pallet.' },
);

/**
 * Goods leaving a warehouse for one order.
 *
 * @example
 * const shipment: CanonicalShipment = {
 *   orderNumber: '#1005', carrier: 'DHL', status: 'shipped',
 *   packages: [{ trackingNumber: '00340434161094042557', items: [{ sku: 'CB-ESP-1KG', quantity: '12' }] }],
 * };
 */
export const CanonicalShipmentSchema = Type.Object(
  {
    number: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Shipment id in the system that made it (Odoo picking name "WH/OUT/00042", 3PL shipment id). Source of record: that system.',
      }),
    ),
    orderNumber: Type.String({
      minLength: 1,
      description: 'Number of the order shipped, as in CanonicalOrder.number. Source of record: the channel.',
    }),
    warehouseCode: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Code of the shipping warehouse, as in CanonicalWarehouse.code. Source of record: Odoo.',
      }),
    ),
    shippedAt: Type.Optional(
      withDescription(
        IsoDateTimeSchema,
        'When the carrier took the goods. Source of record: the 3PL or carrier.',
      ),
    ),
    carrier: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Carrier name or SCAC code (e.g. "DHL", "UPSN"). Source of record: the 3PL.',
      }),
    ),
    service: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Carrier service level (e.g. "Ground", "DHL Paket"). Source of record: the carrier.',
      }),
    ),
    packages: Type.Array(CanonicalShipmentPackageSchema, {
      minItems: 1,
      description: 'Packages in the shipment, at least one. Source of record: the 3PL.',
    }),
    shipTo: Type.Optional(
      embed(CanonicalAddressSchema, 'Address the shipment goes to, as labelled. Source of record: the 3PL.'),
    ),
    status: Type.Optional(
      Type.Union(
        [
          Type.Literal('pending'),
          Type.Literal('shipped'),
          Type.Literal('delivered'),
          Type.Literal('exception'),
        ],
        {
          description:
            'Where the shipment stands: pending (not yet handed over), shipped, delivered, or exception (lost, damaged, returned to sender). Source of record: the carrier.',
        },
      ),
    ),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('shipment'),
    additionalProperties: false,
    description:
      'Canonical shipment, v1. Source of record: the 3PL/WMS for contents, the carrier for tracking.',
  },
);

/**
 * A canonical shipment.
 *
 * @example
 * const shipment: CanonicalShipment = { orderNumber: 'PO-4711', packages: [{ items: [] }], status: 'pending' };
 */
export type CanonicalShipment = Static<typeof CanonicalShipmentSchema>;

/**
 * One package of a canonical shipment.
 *
 * @example
 * const parcel: CanonicalShipmentPackage = { sscc: '340123450000000017', items: [{ sku: 'GR-BUR-64', quantity: '1' }] };
 */
export type CanonicalShipmentPackage = Static<typeof CanonicalShipmentPackageSchema>;
