import { userError } from '@waybill/connector-kit';
import type { OdooClient } from '../../client/odoo-client.js';
import { fromOdooMoney } from '../../mapping/decimal.js';
import { idOf, many2oneOf, numberOf, type OdooRecord, recordsOf, textOf } from '../../mapping/odoo-values.js';

/**
 * The sale.order id from an id or an order number (client_order_ref).
 *
 * @example
 * await orderIdOf(odoo, undefined, '#1005'); // 17
 */
export async function orderIdOf(
  odoo: OdooClient,
  orderId: number | undefined,
  orderNumber: string | undefined,
): Promise<number> {
  if (orderId !== undefined) return orderId;
  if (orderNumber === undefined) {
    throw userError({ code: 'INVALID_INPUT', message: 'The input needs "orderId" or "orderNumber".' });
  }
  const [order] = recordsOf(
    await odoo.call('sale.order', 'search_read', {
      domain: [['client_order_ref', '=', orderNumber]],
      fields: ['id'],
      order: 'id asc',
      limit: 1,
    }),
  );
  if (!order) {
    throw userError({
      code: 'ODOO_MISSING_RECORD',
      message: `Odoo has no sale order with the customer reference "${orderNumber}".`,
    });
  }
  return idOf(order);
}

/**
 * The account.move fields an invoice or credit note is summarised by.
 *
 * @example
 * odoo.call('account.move', 'read', { ids: [12], fields: [...MOVE_FIELDS] });
 */
export const MOVE_FIELDS = [
  'id',
  'name',
  'state',
  'move_type',
  'payment_state',
  'amount_total',
  'amount_residual',
  'currency_id',
  'invoice_date',
  'invoice_date_due',
  'ref',
] as const;

/**
 * Reads an invoice or credit note, or fails with a user error naming it.
 *
 * @example
 * const invoice = await readMove(odoo, 12);
 */
export async function readMove(odoo: OdooClient, moveId: number): Promise<OdooRecord> {
  const [move] = recordsOf(
    await odoo.call('account.move', 'search_read', {
      domain: [['id', '=', moveId]],
      fields: [...MOVE_FIELDS],
      limit: 1,
    }),
  );
  if (!move) {
    throw userError({
      code: 'ODOO_MISSING_RECORD',
      message: `Odoo has no invoice or credit note (account.move) with the id ${moveId}.`,
    });
  }
  return move;
}

/**
 * An account.move as output: money as decimal strings in the move's currency.
 *
 * @example
 * moveSummary(invoice); // { invoiceId: 12, name: 'INV/2025/00003', state: 'posted', paymentState: 'not_paid', amountTotal: '120.00', ... }
 */
export function moveSummary(move: OdooRecord) {
  const dueDate = textOf(move, 'invoice_date_due');
  return {
    invoiceId: idOf(move),
    name: textOf(move, 'name') ?? String(idOf(move)),
    state: textOf(move, 'state') ?? 'draft',
    paymentState: textOf(move, 'payment_state') ?? 'not_paid',
    amountTotal: fromOdooMoney(numberOf(move, 'amount_total')),
    amountResidual: fromOdooMoney(numberOf(move, 'amount_residual')),
    currency: many2oneOf(move, 'currency_id')?.name ?? '',
    ...(dueDate ? { dueDate } : {}),
  };
}
