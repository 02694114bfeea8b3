import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { InvoiceIdInputSchema, InvoiceSummaryProperties } from './support/invoice-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { moveSummary, readMove } from './support/orders.js';

/**
 * `odoo.getPaymentState`: reads whether an invoice is paid (payment_state) and what is still
 * due (amount_residual). `paid` is true for Odoo's paid and in_payment states, as the canonical
 * invoice counts them. One call.
 *
 * @example
 * { "id": "paid?", "type": "odoo.getPaymentState", "credential": "odoo-main", "config": {} }
 * // input: { "invoiceId": 12 } → { "paymentState": "paid", "amountResidual": "0.00", "paid": true, ... }
 */
export const getPaymentStateOperation = defineOperation({
  type: 'odoo.getPaymentState',
  title: 'Get payment state',
  description: 'Reads the payment state and the amount still due of an Odoo invoice.',
  icon: 'credit-card',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: InvoiceIdInputSchema,
  outputSchema: Type.Object({
    ...InvoiceSummaryProperties,
    paid: Type.Boolean({ description: 'True when nothing is due any more (paid or in_payment).' }),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const summary = moveSummary(await readMove(odooFor(ctx), ctx.input.invoiceId));
    return { ...summary, paid: summary.paymentState === 'paid' || summary.paymentState === 'in_payment' };
  },
});
