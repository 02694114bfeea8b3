import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { textOf } from '../mapping/odoo-values.js';
import { InvoiceIdInputSchema, InvoiceSummaryProperties } from './support/invoice-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { moveSummary, readMove } from './support/orders.js';

/**
 * `odoo.postInvoice`: posts (confirms) a draft invoice or credit note with `action_post`, which
 * gives it its number and makes it payable. One already posted is reported as such. Two or
 * three calls.
 *
 * @example
 * { "id": "post", "type": "odoo.postInvoice", "credential": "odoo-main", "config": {} }
 * // input: { "invoiceId": 12 }
 */
export const postInvoiceOperation = defineOperation({
  type: 'odoo.postInvoice',
  title: 'Post invoice',
  description: 'Posts a draft Odoo invoice or credit note so it gets its number and can be paid.',
  icon: 'stamp',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote: 'Reads the invoice first: one already posted is returned unchanged.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: InvoiceIdInputSchema,
  outputSchema: Type.Object({
    ...InvoiceSummaryProperties,
    alreadyPosted: Type.Boolean({ description: 'True when the invoice was posted before this call.' }),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const { invoiceId } = ctx.input;
    const invoice = await readMove(odoo, invoiceId);
    if (invoice.state === 'posted') return { ...moveSummary(invoice), alreadyPosted: true };
    if (invoice.state === 'cancel') {
      throw userError({
        code: 'ODOO_INVOICE_CANCELLED',
        message: `The invoice ${textOf(invoice, 'name') ?? invoiceId} is cancelled; reset it to draft in Odoo before posting.`,
      });
    }
    await odoo.call('account.move', 'action_post', { ids: [invoiceId] });
    return { ...moveSummary(await readMove(odoo, invoiceId)), alreadyPosted: false };
  },
});
