import { userError } from '../errors.js';
import { browse, create, type Rec, search } from '../orm/records.js';
import type { Env, ModelDef, Vals } from '../orm/types.js';
import { boolean, float, many2many, selection } from './fields.js';
import { lineTaxField, lineUomField, qtyToInvoice } from './sale-lines.js';

const NOTHING_TO_INVOICE =
  'Cannot create an invoice. No items are available to invoice.\n\n' +
  'To resolve this issue, please ensure that:\n' +
  '   • The products have been delivered before attempting to invoice them.\n' +
  '   • The invoicing policy of the product is configured correctly.\n\n' +
  'If you want to invoice based on ordered quantities instead:\n' +
  "   • For consumable or storable products, open the product, go to the 'General Information' tab and change the 'Invoicing Policy' from 'Delivered Quantities' to 'Ordered Quantities'.\n" +
  "   • For services (and other products), change the 'Invoicing Policy' to 'Prepaid/Fixed Price'.\n";

/** sale.order.action_view_invoice: the form of a single invoice, or a list restricted to the invoices. */
export function invoiceAction(invoiceIds: number[]): Record<string, unknown> {
  if (invoiceIds.length === 0) return { type: 'ir.actions.act_window_close' };
  const action: Record<string, unknown> = {
    name: 'Invoices',
    type: 'ir.actions.act_window',
    res_model: 'account.move',
    context: { default_move_type: 'out_invoice' },
    target: 'current',
  };
  if (invoiceIds.length === 1)
    return { ...action, view_mode: 'form', views: [[false, 'form']], res_id: invoiceIds[0] };
  return { ...action, view_mode: 'list,kanban,form', domain: [['id', 'in', invoiceIds]] };
}

function invoiceLineVals(env: Env, line: Rec, sign: number): Vals {
  return {
    product_id: line.m2o('product_id'),
    name: line.str('name'),
    quantity: sign * qtyToInvoice(env, line.row),
    price_unit: line.num('price_unit'),
    discount: line.num('discount'),
    product_uom_id: line.m2o(lineUomField(env)),
    tax_ids: [[6, 0, line.ids(lineTaxField(env))]],
    sale_line_ids: [[6, 0, [line.id]]],
  };
}

/**
 * `sale.order._create_invoices` behind the wizard: one invoice per order, or per invoice address and currency
 * with consolidated billing; a negative total becomes a credit note, as Odoo does.
 */
function createInvoices(env: Env, orders: Rec[], consolidated: boolean): number[] {
  const groups = new Map<string, Rec[]>();
  for (const so of orders) {
    const key = consolidated ? `${so.m2o('partner_invoice_id')}|${so.m2o('currency_id')}` : `order:${so.id}`;
    groups.set(key, [...(groups.get(key) ?? []), so]);
  }
  const journal = search(env, 'account.journal', [['type', '=', 'sale']], { limit: 1 })[0];
  const invoiceIds: number[] = [];
  for (const group of groups.values()) {
    const lines = group.flatMap((so) =>
      so
        .list('order_line')
        .filter((line) => !line.str('display_type') && Math.abs(qtyToInvoice(env, line.row)) > 1e-6),
    );
    if (lines.length === 0) continue;
    const total = lines.reduce((sum, line) => sum + qtyToInvoice(env, line.row) * line.num('price_unit'), 0);
    const sign = total < 0 ? -1 : 1;
    const first = group[0]!;
    const refs = group.map((so) => so.str('client_order_ref')).filter(Boolean);
    const invoice = create(env, 'account.move', {
      move_type: sign < 0 ? 'out_refund' : 'out_invoice',
      partner_id: first.m2o('partner_invoice_id'),
      partner_shipping_id: first.m2o('partner_shipping_id'),
      invoice_origin: group.map((so) => so.str('name')).join(', '),
      ref: refs.length > 0 ? refs.join(', ') : false,
      currency_id: first.m2o('currency_id'),
      journal_id: journal?.id ?? false,
      invoice_user_id: first.m2o('user_id'),
      narration: first.get('note'),
      invoice_line_ids: lines.map((line) => [0, 0, invoiceLineVals(env, line, sign)]),
    });
    invoiceIds.push(invoice.id);
  }
  if (invoiceIds.length === 0) throw userError(NOTHING_TO_INVOICE);
  return invoiceIds;
}

/**
 * The public way to invoice sales orders over RPC (`_create_invoices` is private): create the wizard with
 * the orders in `active_ids` (or `sale_order_ids`), then call `create_invoices`.
 */
export const saleAdvancePaymentInv: ModelDef = {
  name: 'sale.advance.payment.inv',
  description: 'Sales Advance Payment Invoice',
  order: 'id',
  transient: true,
  fields: {
    advance_payment_method: selection(
      'Create Invoice',
      [
        ['delivered', 'Regular invoice'],
        ['percentage', 'Down payment (percentage)'],
        ['fixed', 'Down payment (fixed amount)'],
      ],
      { required: true, default: 'delivered' },
    ),
    sale_order_ids: many2many('sale.order', 'Sales Orders', {
      default: (env) => {
        const fromContext =
          env.context.active_model === undefined || env.context.active_model === 'sale.order';
        const active = env.context.active_ids;
        return fromContext && Array.isArray(active)
          ? active.filter((id): id is number => typeof id === 'number')
          : [];
      },
    }),
    deduct_down_payments: boolean('Deduct down payments', { default: true }),
    consolidated_billing: boolean('Consolidated Billing', { default: true }),
    amount: float('Down Payment', { default: 0 }),
    fixed_amount: float('Down Payment Amount (Fixed)', { default: 0 }),
  },
  methods: {
    create_invoices: {
      access: { operation: 'create', model: 'account.move' },
      params: [],
      run: (env, ids) => {
        const invoiceIds: number[] = [];
        for (const wizard of browse(env, 'sale.advance.payment.inv', ids)) {
          if (wizard.str('advance_payment_method') !== 'delivered') {
            // Simplification: down-payment invoices are not simulated; say so instead of inventing amounts.
            throw userError(
              'The Odoo simulator only supports regular invoices (advance_payment_method "delivered").',
            );
          }
          invoiceIds.push(
            ...createInvoices(env, wizard.list('sale_order_ids'), wizard.bool('consolidated_billing')),
          );
        }
        return invoiceAction(invoiceIds);
      },
    },
  },
};
