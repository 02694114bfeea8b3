import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { OdooClient } from '../client/odoo-client.js';
import { idOf, type OdooRecord, recordsOf, textOf, x2manyOf } from '../mapping/odoo-values.js';
import { InvoiceSummaryProperties } from './support/invoice-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { MOVE_FIELDS, moveSummary, orderIdOf, readMove } from './support/orders.js';
import { runWizard } from './support/wizards.js';

/**
 * `odoo.createInvoice`: invoices a confirmed sale order through Odoo's own "Create invoice"
 * wizard (`sale.advance.payment.inv`, regular invoice), which bills what the product invoicing
 * policies say: delivered quantities for "delivered" products, so invoices match what shipped.
 * Optionally posts it. An order with nothing left to invoice returns its latest invoice. Six to
 * eight calls.
 *
 * @example
 * { "id": "invoice", "type": "odoo.createInvoice", "credential": "odoo-main", "config": { "post": true } }
 * // input: { "orderId": 17 }
 */
export const createInvoiceOperation = defineOperation({
  type: 'odoo.createInvoice',
  title: 'Create invoice from order',
  description: 'Creates the customer invoice of a confirmed Odoo sale order and optionally posts it.',
  icon: 'file-text',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    'Reads the order first: when it has nothing left to invoice, its latest invoice is returned instead of creating one.',
  configSchema: Type.Object(
    {
      post: Type.Optional(
        Type.Boolean({ default: false, description: 'Post (confirm) the invoice after creating it.' }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      orderId: Type.Optional(Type.Integer({ minimum: 1, description: 'The sale.order id.' })),
      orderNumber: Type.Optional(
        Type.String({ minLength: 1, description: 'The order number (client_order_ref).' }),
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: Type.Object({
    ...InvoiceSummaryProperties,
    orderId: Type.Integer(),
    created: Type.Boolean({ description: 'False when the order had nothing left to invoice.' }),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const orderId = await orderIdOf(odoo, ctx.input.orderId, ctx.input.orderNumber);
    const order = await readOrder(odoo, orderId);
    const before = x2manyOf(order, 'invoice_ids');
    if (order.invoice_status !== 'to invoice') {
      const latest = await latestInvoice(odoo, before);
      if (latest) {
        const invoice = ctx.config.post && latest.state === 'draft' ? await post(odoo, idOf(latest)) : latest;
        return { ...moveSummary(invoice), orderId, created: false };
      }
    }
    if (order.state !== 'sale' && order.state !== 'done') {
      throw userError({
        code: 'ODOO_ORDER_NOT_CONFIRMED',
        message: `The sale order ${textOf(order, 'name') ?? orderId} is not confirmed (state ${String(order.state)}); confirm it before invoicing.`,
      });
    }
    const context = { active_model: 'sale.order', active_ids: [orderId], active_id: orderId };
    await runWizard(odoo, {
      model: 'sale.advance.payment.inv',
      buttons: ['create_invoices'],
      context,
      values: { advance_payment_method: 'delivered', sale_order_ids: [[6, 0, [orderId]]] },
    });
    const after = x2manyOf(await readOrder(odoo, orderId), 'invoice_ids');
    const createdIds = after.filter((id) => !before.includes(id));
    const invoiceId = Math.max(...createdIds);
    if (!Number.isFinite(invoiceId)) {
      throw userError({
        code: 'ODOO_NOTHING_TO_INVOICE',
        message: `Odoo created no invoice for ${textOf(order, 'name') ?? orderId}; nothing delivered is left to invoice.`,
      });
    }
    const invoice = ctx.config.post ? await post(odoo, invoiceId) : await readMove(odoo, invoiceId);
    return { ...moveSummary(invoice), orderId, created: true };
  },
});

async function readOrder(odoo: OdooClient, orderId: number): Promise<OdooRecord> {
  const [order] = recordsOf(
    await odoo.call('sale.order', 'search_read', {
      domain: [['id', '=', orderId]],
      fields: ['id', 'name', 'state', 'invoice_status', 'invoice_ids'],
      limit: 1,
    }),
  );
  if (!order) {
    throw userError({
      code: 'ODOO_MISSING_RECORD',
      message: `Odoo has no sale order with the id ${orderId}.`,
    });
  }
  return order;
}

async function latestInvoice(odoo: OdooClient, ids: number[]): Promise<OdooRecord | undefined> {
  if (ids.length === 0) return undefined;
  const invoices = recordsOf(
    await odoo.call('account.move', 'search_read', {
      domain: [
        ['id', 'in', ids],
        ['move_type', '=', 'out_invoice'],
        ['state', '!=', 'cancel'],
      ],
      fields: [...MOVE_FIELDS],
      order: 'id desc',
      limit: 1,
    }),
  );
  return invoices[0];
}

async function post(odoo: OdooClient, invoiceId: number): Promise<OdooRecord> {
  await odoo.call('account.move', 'action_post', { ids: [invoiceId] });
  return readMove(odoo, invoiceId);
}
