import { type Static, Type } from '@sinclair/typebox';
import {
  CurrencyCodeSchema,
  ExtensionsSchema,
  embed,
  IsoDateSchema,
  MoneySchema,
  QuantitySchema,
  UomSchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';
import { CanonicalCustomerSchema } from './customer.js';
import { CanonicalTaxLineSchema } from './tax-line.js';

/**
 * One invoiced item or charge (shipping is a line without a SKU).
 *
 * @example
 * const line: CanonicalInvoiceLine = { sku: 'GR-BUR-64', description: 'Burr grinder', quantity: '1', unitPrice: '349.00', total: '349.00' };
 */
export const CanonicalInvoiceLineSchema = Type.Object(
  {
    sku: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'SKU invoiced; absent for charges such as shipping. Source of record: Odoo.',
      }),
    ),
    description: Type.String({ description: 'Line text as printed on the invoice. Source of record: Odoo.' }),
    quantity: withDescription(
      QuantitySchema,
      'Quantity invoiced, in `uom`; should match what shipped. Source of record: Odoo.',
    ),
    uom: Type.Optional(withDescription(UomSchema, 'Unit the quantity is counted in; absent means Units.')),
    unitPrice: withDescription(
      MoneySchema,
      'Price of one uom before discount and tax, in the invoice currency. Source of record: Odoo.',
    ),
    // Odoo invoice lines carry a discount; without it a discounted order line could not be invoiced
    // at its list price and `total` would not follow from quantity × unitPrice.
    discount: Type.Optional(
      withDescription(
        MoneySchema,
        'Discount on the whole line as a positive amount, in the invoice currency. Source of record: Odoo.',
      ),
    ),
    taxes: Type.Optional(
      Type.Array(CanonicalTaxLineSchema, { description: 'Taxes on this line. Source of record: Odoo.' }),
    ),
    total: withDescription(
      MoneySchema,
      'Line amount before tax: quantity × unitPrice − discount (Odoo price_subtotal). Source of record: Odoo.',
    ),
  },
  { additionalProperties: false, description: 'An invoiced item or charge.' },
);

/**
 * A customer invoice. Odoo (account.move) is the source of record.
 *
 * @example
 * const invoice: CanonicalInvoice = {
 *   number: 'INV/2025/00042', issuedAt: '2025-03-04', currency: 'EUR', customer: { name: 'Café Lindenhof GmbH' },
 *   lines: [{ description: 'Burr grinder', quantity: '1', unitPrice: '349.00', total: '349.00' }],
 *   totals: { subtotal: '349.00', tax: '66.31', total: '415.31' }, status: 'posted',
 * };
 */
export const CanonicalInvoiceSchema = Type.Object(
  {
    number: Type.String({
      minLength: 1,
      description: 'Invoice number (Odoo name, e.g. "INV/2025/00042"). Source of record: Odoo.',
    }),
    orderNumber: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Number of the order invoiced, as in CanonicalOrder.number. Source of record: the channel.',
      }),
    ),
    issuedAt: withDescription(IsoDateSchema, 'Invoice date (Odoo invoice_date). Source of record: Odoo.'),
    dueAt: Type.Optional(
      withDescription(IsoDateSchema, 'Date payment is due (Odoo invoice_date_due). Source of record: Odoo.'),
    ),
    currency: withDescription(
      CurrencyCodeSchema,
      'Currency of every amount on the invoice. Source of record: Odoo.',
    ),
    customer: embed(CanonicalCustomerSchema, 'Who is invoiced. Source of record: Odoo res.partner.'),
    lines: Type.Array(CanonicalInvoiceLineSchema, {
      minItems: 1,
      description: 'Invoiced items and charges, at least one. Source of record: Odoo.',
    }),
    totals: Type.Object(
      {
        subtotal: withDescription(MoneySchema, 'Sum of line totals, before tax (Odoo amount_untaxed).'),
        tax: withDescription(MoneySchema, 'All tax on the invoice (Odoo amount_tax).'),
        total: withDescription(MoneySchema, 'Subtotal plus tax (Odoo amount_total).'),
        amountDue: Type.Optional(
          withDescription(MoneySchema, 'What is still unpaid (Odoo amount_residual); "0.00" once paid.'),
        ),
      },
      {
        additionalProperties: false,
        description: 'Invoice totals in the invoice currency. Source of record: Odoo.',
      },
    ),
    status: Type.Union(
      [Type.Literal('draft'), Type.Literal('posted'), Type.Literal('paid'), Type.Literal('cancelled')],
      {
        description:
          'draft (editable), posted (final and sent), paid (in full; Odoo payment_state paid or in_payment) or cancelled. Source of record: Odoo.',
      },
    ),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('invoice'),
    additionalProperties: false,
    description: 'Canonical customer invoice, v1. Source of record: Odoo account.move.',
  },
);

/**
 * A canonical customer invoice.
 *
 * @example
 * const invoice: CanonicalInvoice = {
 *   number: 'INV/2025/00043', issuedAt: '2025-03-05', currency: 'USD', customer: { name: 'Acme Retail' },
 *   lines: [{ description: 'Freight', quantity: '1', unitPrice: '40.00', total: '40.00' }],
 *   totals: { subtotal: '40.00', tax: '0.00', total: '40.00' }, status: 'draft',
 * };
 */
export type CanonicalInvoice = Static<typeof CanonicalInvoiceSchema>;

/**
 * One line of a canonical invoice.
 *
 * @example
 * const line: CanonicalInvoiceLine = { description: 'Shipping', quantity: '1', unitPrice: '9.90', total: '9.90' };
 */
export type CanonicalInvoiceLine = Static<typeof CanonicalInvoiceLineSchema>;
