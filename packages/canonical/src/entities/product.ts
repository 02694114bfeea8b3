import { type Static, Type } from '@sinclair/typebox';
import {
  CurrencyCodeSchema,
  ExtensionsSchema,
  ExternalIdsSchema,
  MoneySchema,
  UomSchema,
  WeightSchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';

/**
 * A sellable product variant. Odoo (product.product) is the source of record; channels and 3PLs
 * mirror it and are matched by `sku`.
 *
 * @example
 * const product: CanonicalProduct = {
 *   sku: 'CB-ESP-1KG', name: 'Espresso beans 1 kg', listPrice: '18.50', currency: 'EUR',
 *   weight: { value: '1.05', unit: 'kg' },
 * };
 */
export const CanonicalProductSchema = Type.Object(
  {
    sku: Type.String({
      minLength: 1,
      description:
        'Stock keeping unit: the key every system matches the product by. Source of record: Odoo default_code.',
    }),
    name: Type.String({ minLength: 1, description: 'Product name for people. Source of record: Odoo.' }),
    barcode: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Scannable code, usually a GTIN/EAN/UPC. Source of record: Odoo barcode.',
      }),
    ),
    uom: Type.Optional(
      withDescription(
        UomSchema,
        'Unit the product is stocked and sold in; absent means Units. Source of record: Odoo uom_id.',
      ),
    ),
    listPrice: Type.Optional(
      withDescription(
        MoneySchema,
        'Public sales price of one uom, before tax, in `currency`. Source of record: Odoo list_price.',
      ),
    ),
    currency: Type.Optional(
      withDescription(CurrencyCodeSchema, 'Currency of `listPrice`; required when `listPrice` is present.'),
    ),
    weight: Type.Optional(
      withDescription(
        WeightSchema,
        'Shipping weight of one uom, packaging included. Source of record: Odoo.',
      ),
    ),
    active: Type.Optional(
      Type.Boolean({
        description:
          'False when the product is archived and must not be sold; absent means active. Source of record: Odoo.',
      }),
    ),
    externalIds: Type.Optional(ExternalIdsSchema),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('product'),
    additionalProperties: false,
    // A price without its currency cannot be compared or converted, so it is refused.
    dependencies: { listPrice: ['currency'] },
    description: 'Canonical product variant, v1. Source of record: Odoo product.product.',
  },
);

/**
 * A canonical product variant.
 *
 * @example
 * const product: CanonicalProduct = { sku: 'GR-BUR-64', name: 'Burr grinder 64 mm' };
 */
export type CanonicalProduct = Static<typeof CanonicalProductSchema>;
