import { type Static, Type } from '@sinclair/typebox';
import {
  CurrencyCodeSchema,
  ExtensionsSchema,
  IsoDateTimeSchema,
  MoneySchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';

/**
 * A customer payment. The payment platform (Shopify Payments, Stripe, the bank) is the source of
 * record; Odoo (account.payment) records it against the invoice.
 *
 * @example
 * const payment: CanonicalPayment = {
 *   reference: 'ch_3QxY2bLk', invoiceNumber: 'INV/2025/00042', amount: '652.75', currency: 'EUR',
 *   paidAt: '2025-03-02T09:14:05Z', status: 'paid',
 * };
 */
export const CanonicalPaymentSchema = Type.Object(
  {
    reference: Type.String({
      minLength: 1,
      description:
        'Id of the payment at the payment platform (transaction id, bank reference); the key for matching it to Odoo. Source of record: the payment platform.',
    }),
    invoiceNumber: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Number of the invoice paid, as in CanonicalInvoice.number. Source of record: Odoo.',
      }),
    ),
    amount: withDescription(
      MoneySchema,
      'Amount paid (or refunded, for status refunded) as a positive amount in `currency`. Source of record: the payment platform.',
    ),
    currency: withDescription(
      CurrencyCodeSchema,
      'Currency of `amount`. Source of record: the payment platform.',
    ),
    paidAt: withDescription(
      IsoDateTimeSchema,
      'When the payment was captured, or initiated while it is pending. Source of record: the payment platform.',
    ),
    method: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'How it was paid (e.g. "credit_card", "paypal", "bank_transfer"). Source of record: the payment platform.',
      }),
    ),
    status: Type.Union(
      [Type.Literal('pending'), Type.Literal('paid'), Type.Literal('failed'), Type.Literal('refunded')],
      {
        description:
          'pending (authorized or in transit), paid (captured), failed (declined or bounced) or refunded. Source of record: the payment platform.',
      },
    ),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('payment'),
    additionalProperties: false,
    description: 'Canonical customer payment, v1. Source of record: the payment platform.',
  },
);

/**
 * A canonical customer payment.
 *
 * @example
 * const payment: CanonicalPayment = {
 *   reference: 'BANK-2025-0311-77', amount: '40.00', currency: 'USD', paidAt: '2025-03-11T00:00:00Z', status: 'pending',
 * };
 */
export type CanonicalPayment = Static<typeof CanonicalPaymentSchema>;
