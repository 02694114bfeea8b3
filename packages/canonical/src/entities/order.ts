import { type Static, Type } from '@sinclair/typebox';
import {
  CurrencyCodeSchema,
  ExtensionsSchema,
  embed,
  IsoDateSchema,
  IsoDateTimeSchema,
  MoneySchema,
  QuantitySchema,
  SystemNameSchema,
  UomSchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';
import { CanonicalAddressSchema } from './address.js';
import { CanonicalCustomerSchema } from './customer.js';
import { CanonicalTaxLineSchema } from './tax-line.js';

// The channel (Shopify, Salesforce, EDI 850) is the source of record for what was ordered; once
// captured, Odoo's sale.order is the source of record for its fulfilment.

/**
 * One ordered item.
 *
 * @example
 * const line: CanonicalOrderLine = { sku: 'CB-ESP-1KG', quantity: '12', unitPrice: '18.50' };
 */
export const CanonicalOrderLineSchema = Type.Object(
  {
    lineNumber: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Line id in the channel, echoed back on acknowledgements and ship notices (EDI PO1-01, Salesforce OrderItemNumber, Shopify line item id). Source of record: the channel.',
      }),
    ),
    sku: Type.String({
      minLength: 1,
      description: 'SKU of the ordered product, matched to Odoo default_code. Source of record: the channel.',
    }),
    description: Type.Optional(
      Type.String({
        description:
          'Line text as the customer saw it (product title, variant). Source of record: the channel.',
      }),
    ),
    quantity: withDescription(QuantitySchema, 'Quantity ordered, in `uom`. Source of record: the channel.'),
    uom: Type.Optional(
      withDescription(
        UomSchema,
        'Unit the quantity is counted in (EDI PO1-03 mapped to an Odoo unit); absent means Units.',
      ),
    ),
    unitPrice: withDescription(
      MoneySchema,
      'Price of one uom before line discount, in the order currency; includes tax only when the order has `pricesIncludeTax`. Source of record: the channel.',
    ),
    discount: Type.Optional(
      withDescription(
        MoneySchema,
        'Discount on the whole line (not per unit) as a positive amount in the order currency, taken off quantity × unitPrice. Source of record: the channel.',
      ),
    ),
    taxes: Type.Optional(
      Type.Array(CanonicalTaxLineSchema, {
        description:
          'Taxes on this line as the channel computed them; Odoo recomputes its own. Source of record: the channel.',
      }),
    ),
  },
  { additionalProperties: false, description: 'An ordered item.' },
);

/**
 * A sales order as a channel captured it, before or after it reaches Odoo.
 *
 * @example
 * const order: CanonicalOrder = {
 *   number: '#1005', source: { system: 'shopify', id: '5678901234567' }, currency: 'EUR',
 *   customer: { name: 'Café Lindenhof GmbH' },
 *   lines: [{ sku: 'CB-ESP-1KG', quantity: '12', unitPrice: '18.50' }],
 * };
 */
export const CanonicalOrderSchema = Type.Object(
  {
    number: Type.String({
      minLength: 1,
      description:
        'Order number as the channel shows it, prefix included (Shopify "#1005", EDI BEG-03 PO number, Salesforce OrderNumber); the business key support searches by. Source of record: the channel.',
    }),
    source: Type.Object(
      {
        system: withDescription(
          SystemNameSchema,
          'Channel the order came from: "shopify", "salesforce", "edi", "manual" or another connector name.',
        ),
        id: Type.Optional(
          Type.String({
            minLength: 1,
            description:
              'Internal id of the order in that channel (e.g. the Shopify order id), used to write status back.',
          }),
        ),
      },
      {
        additionalProperties: false,
        description: 'Where the order was captured. Source of record: the channel.',
      },
    ),
    orderedAt: Type.Optional(
      withDescription(
        IsoDateTimeSchema,
        'When the customer placed the order. Source of record: the channel.',
      ),
    ),
    currency: withDescription(
      CurrencyCodeSchema,
      'Currency of every amount on the order. Source of record: the channel.',
    ),
    pricesIncludeTax: Type.Optional(
      Type.Boolean({
        description:
          'True when unit prices and totals include tax (Shopify taxes_included, EU B2C); absent means tax is added on top. Source of record: the channel.',
      }),
    ),
    customer: embed(
      CanonicalCustomerSchema,
      'Who ordered, as the channel knows them; matched to an Odoo partner before release. Source of record: the channel, then Odoo.',
    ),
    poNumber: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          "Customer's purchase order number, quoted on invoices (Odoo client_order_ref). Source of record: the customer.",
      }),
    ),
    shipTo: Type.Optional(
      embed(
        CanonicalAddressSchema,
        'Where the goods go; absent means the customer default. Source of record: the channel.',
      ),
    ),
    billTo: Type.Optional(
      embed(
        CanonicalAddressSchema,
        'Who is invoiced, when not the customer default. Source of record: the channel.',
      ),
    ),
    requestedShipDate: Type.Optional(
      withDescription(
        IsoDateSchema,
        'Date the customer asked the goods to ship (EDI DTM*010). Source of record: the channel.',
      ),
    ),
    lines: Type.Array(CanonicalOrderLineSchema, {
      minItems: 1,
      description: 'Ordered items, at least one, in the channel order. Source of record: the channel.',
    }),
    shipping: Type.Optional(
      Type.Object(
        {
          method: Type.Optional(
            Type.String({
              minLength: 1,
              description: 'Shipping method the customer chose, as the channel names it (e.g. "Standard").',
            }),
          ),
          carrier: Type.Optional(
            Type.String({
              minLength: 1,
              description: 'Requested carrier (e.g. "DHL", "UPS"), when the channel names one.',
            }),
          ),
          amount: Type.Optional(
            withDescription(
              MoneySchema,
              'Shipping charged to the customer, in the order currency, before tax.',
            ),
          ),
        },
        {
          additionalProperties: false,
          description: 'How the customer asked to be shipped. Source of record: the channel.',
        },
      ),
    ),
    totals: Type.Optional(
      Type.Object(
        {
          subtotal: withDescription(
            MoneySchema,
            'Sum of the lines (quantity × unitPrice − discount), before order-level discount, shipping and tax.',
          ),
          discount: Type.Optional(
            withDescription(
              MoneySchema,
              'Order-level discount not already taken off the lines, as a positive amount.',
            ),
          ),
          tax: Type.Optional(withDescription(MoneySchema, 'All tax on the order, tax on shipping included.')),
          shipping: Type.Optional(withDescription(MoneySchema, 'Shipping charged, before tax.')),
          total: withDescription(
            MoneySchema,
            'What the customer is charged: subtotal − discount + shipping, plus tax unless prices include it.',
          ),
        },
        {
          additionalProperties: false,
          description:
            'Totals as the channel charged them, in the order currency; used to check the lines add up. Source of record: the channel.',
        },
      ),
    ),
    notes: Type.Optional(
      Type.String({
        description: 'Free-text note from the customer or the sales rep. Source of record: the channel.',
      }),
    ),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('order'),
    additionalProperties: false,
    description:
      'Canonical sales order, v1. Source of record: the channel for what was ordered, Odoo sale.order for fulfilment.',
  },
);

/**
 * A canonical sales order.
 *
 * @example
 * const order: CanonicalOrder = {
 *   number: 'PO-4711', source: { system: 'edi' }, currency: 'USD', customer: { name: 'Acme Retail' },
 *   lines: [{ sku: 'GR-BUR-64', quantity: '4', unitPrice: '310.00' }],
 * };
 */
export type CanonicalOrder = Static<typeof CanonicalOrderSchema>;

/**
 * One line of a canonical order.
 *
 * @example
 * const line: CanonicalOrderLine = { sku: 'CB-ESP-1KG', quantity: '2', uom: 'Dozens', unitPrice: '210.00' };
 */
export type CanonicalOrderLine = Static<typeof CanonicalOrderLineSchema>;
