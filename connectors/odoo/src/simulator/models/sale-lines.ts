import { type Rec, record, roundMoney, search } from '../orm/records.js';
import { setStored } from '../orm/rows.js';
import type { Env, ModelDef, Row } from '../orm/types.js';
import {
  boolean,
  char,
  float,
  integer,
  many2many,
  many2one,
  monetary,
  one2many,
  selection,
  text,
} from './fields.js';
import { convertUom } from './product.js';
import { lineAmounts } from './taxes.js';

/** Odoo 19 (saas~18.1) renamed sale.order.line's `product_uom` and `tax_id`. */
export const lineUomField = (env: Env) => (env.db.major >= 19 ? 'product_uom_id' : 'product_uom');
export const lineTaxField = (env: Env) => (env.db.major >= 19 ? 'tax_ids' : 'tax_id');

const line = (env: Env, row: Row) => record(env, 'sale.order.line', row.id);
const amounts = (env: Env, row: Row) => {
  const sol = line(env, row);
  if (sol.str('display_type')) return { subtotal: 0, tax: 0, total: 0 };
  return lineAmounts(
    env,
    sol.num('product_uom_qty'),
    sol.num('price_unit'),
    sol.num('discount'),
    sol.ids(lineTaxField(env)),
  );
};

const isService = (sol: Rec) => sol.rel('product_id')?.str('type') === 'service';

/** Delivered quantity from done moves (returns marked to refund count back), in the line's unit. */
export function qtyDelivered(env: Env, row: Row): number {
  const sol = line(env, row);
  if (!sol.m2o('product_id') || isService(sol)) return Number(row.__qty_delivered_manual ?? 0);
  const uom = sol.m2o(lineUomField(env));
  let total = 0;
  for (const move of sol.list('move_ids')) {
    if (move.str('state') !== 'done') continue;
    const quantity = convertUom(env, move.num('product_uom_qty'), move.m2o('product_uom'), uom);
    if (move.rel('location_dest_id')?.str('usage') === 'customer') total += quantity;
    else if (move.rel('location_id')?.str('usage') === 'customer' && move.bool('to_refund'))
      total -= quantity;
  }
  return roundMoney(total);
}

/** Invoiced quantity: customer invoices add, credit notes subtract; only cancelled moves are ignored. */
export function qtyInvoiced(env: Env, row: Row): number {
  let total = 0;
  for (const aml of invoiceLines(env, row.id)) {
    const move = aml.rel('move_id');
    if (!move || move.str('state') === 'cancel') continue;
    const sign = move.str('move_type') === 'out_refund' ? -1 : 1;
    total += sign * aml.num('quantity');
  }
  return total;
}

export const invoiceLines = (env: Env, lineId: number) =>
  search(env, 'account.move.line', [['sale_line_ids', 'in', [lineId]]]);

export function qtyToInvoice(env: Env, row: Row): number {
  const sol = line(env, row);
  if (sol.rel('order_id')?.str('state') !== 'sale' || sol.str('display_type')) return 0;
  const policy = sol.rel('product_id')?.str('invoice_policy') || 'order';
  const base = policy === 'delivery' ? qtyDelivered(env, row) : sol.num('product_uom_qty');
  return roundMoney(base - qtyInvoiced(env, row));
}

export function lineInvoiceStatus(env: Env, row: Row): string {
  const sol = line(env, row);
  if (sol.rel('order_id')?.str('state') !== 'sale') return 'no';
  if (Math.abs(qtyToInvoice(env, row)) > 1e-6) return 'to invoice';
  const ordered = sol.num('product_uom_qty');
  if (sol.rel('product_id')?.str('invoice_policy') === 'order' && qtyDelivered(env, row) > ordered)
    return 'upselling';
  return qtyInvoiced(env, row) >= ordered ? 'invoiced' : 'no';
}

export const saleOrderLine: ModelDef = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, sequence, id',
  accessGroups: 'Sales/User: Own Documents Only',
  fields: {
    order_id: many2one('sale.order', 'Order Reference', { required: true, ondelete: 'cascade' }),
    sequence: integer('Sequence', { default: 10 }),
    display_type: selection('Display Type', [
      ['line_section', 'Section'],
      ['line_note', 'Note'],
    ]),
    product_id: many2one('product.product', 'Product', { ondelete: 'restrict' }),
    name: text('Description', { required: true }),
    product_uom_qty: float('Quantity', { default: 1 }),
    product_uom: many2one('uom.uom', 'Unit of Measure', { until: 18 }),
    product_uom_id: many2one('uom.uom', 'Unit', { since: 19 }),
    price_unit: float('Unit Price', { default: 0 }),
    discount: float('Discount (%)', { default: 0 }),
    tax_id: many2many('account.tax', 'Taxes', { until: 18 }),
    tax_ids: many2many('account.tax', 'Taxes', { since: 19 }),
    price_subtotal: monetary('Subtotal', { compute: (env, row) => amounts(env, row).subtotal }),
    price_tax: float('Total Tax', { compute: (env, row) => amounts(env, row).tax }),
    price_total: monetary('Total', { compute: (env, row) => amounts(env, row).total }),
    currency_id: many2one('res.currency', 'Currency', {
      compute: (env, row) => line(env, row).rel('order_id')?.m2o('currency_id') ?? false,
    }),
    state: selection(
      'Order Status',
      [
        ['draft', 'Quotation'],
        ['sent', 'Quotation Sent'],
        ['sale', 'Sales Order'],
        ['cancel', 'Cancelled'],
      ],
      { compute: (env, row) => line(env, row).rel('order_id')?.str('state') || 'draft' },
    ),
    order_partner_id: many2one('res.partner', 'Customer', {
      compute: (env, row) => line(env, row).rel('order_id')?.m2o('partner_id') ?? false,
    }),
    qty_delivered: float('Delivery Quantity', {
      compute: qtyDelivered,
      // Only lines without stock moves (services) take a manual delivered quantity, as in Odoo.
      inverse: (env, row, value) => {
        setStored(env.db, 'sale.order.line', row, '__qty_delivered_manual', Number(value));
      },
    }),
    qty_invoiced: float('Invoiced Quantity', { compute: qtyInvoiced }),
    qty_to_invoice: float('Quantity To Invoice', { compute: qtyToInvoice }),
    invoice_status: selection(
      'Invoice Status',
      [
        ['upselling', 'Upselling Opportunity'],
        ['invoiced', 'Fully Invoiced'],
        ['to invoice', 'To Invoice'],
        ['no', 'Nothing to Invoice'],
      ],
      { compute: lineInvoiceStatus },
    ),
    invoice_lines: many2many('account.move.line', 'Invoice Lines', {
      compute: (env, row) => invoiceLines(env, row.id).map((aml) => aml.id),
    }),
    move_ids: one2many('stock.move', 'sale_line_id', 'Stock Moves'),
    customer_lead: float('Lead Time', { default: 0 }),
    is_downpayment: boolean('Is a down payment', { default: false }),
    company_id: many2one('res.company', 'Company', { default: 1 }),
    product_type: char('Product Type', {
      compute: (env, row) => line(env, row).rel('product_id')?.str('type') || false,
    }),
  },
};
