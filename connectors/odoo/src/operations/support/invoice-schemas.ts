import { Type } from '@sinclair/typebox';
import { MoneySchema } from '@waybill/canonical';

/**
 * The summary every invoice operation outputs about an account.move.
 *
 * @example
 * // { "invoiceId": 12, "name": "INV/2025/00003", "state": "posted", "paymentState": "not_paid",
 * //   "amountTotal": "120.00", "amountResidual": "120.00", "currency": "EUR", "dueDate": "2025-04-30" }
 */
export const InvoiceSummaryProperties = {
  invoiceId: Type.Integer({ description: 'The account.move id.' }),
  name: Type.String({ description: 'The number, e.g. INV/2025/00003 ("/" while a draft).' }),
  state: Type.String({ description: 'draft, posted or cancel.' }),
  paymentState: Type.String({
    description: 'not_paid, in_payment, paid, partial, reversed or invoicing_legacy.',
  }),
  amountTotal: MoneySchema,
  amountResidual: MoneySchema,
  currency: Type.String(),
  dueDate: Type.Optional(Type.String({ description: 'invoice_date_due, YYYY-MM-DD.' })),
};

/**
 * Input naming one invoice by id.
 *
 * @example
 * const input = { invoiceId: 12 };
 */
export const InvoiceIdInputSchema = Type.Object(
  { invoiceId: Type.Integer({ minimum: 1, description: 'The account.move id of the invoice.' }) },
  { additionalProperties: true },
);
