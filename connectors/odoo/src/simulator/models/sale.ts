import { userError, validationError } from '../errors.js';
import { browse, nextNumber, nowString, pad, type Rec, record, roundMoney, search } from '../orm/records.js';
import type { Env, MethodDef, ModelDef, Row } from '../orm/types.js';
import {
  boolean,
  char,
  date,
  datetime,
  html,
  many2many,
  many2one,
  monetary,
  one2many,
  selection,
} from './fields.js';
import { defaultPricelistId, fromCompanyCurrency } from './pricelist.js';
import { cancelOrders } from './sale-cancel.js';
import { invoiceAction } from './sale-invoicing.js';
import { invoiceLines, lineInvoiceStatus, lineTaxField, lineUomField, saleOrderLine } from './sale-lines.js';
import { launchProcurement } from './sale-stock.js';

const order = (env: Env, row: Row) => record(env, 'sale.order', row.id);
const productLines = (so: Rec) => so.list('order_line').filter((line) => !line.str('display_type'));
const orderCurrency = (so: Rec) =>
  so.rel('pricelist_id')?.m2o('currency_id') || record(so.env, 'res.company', 1).m2o('currency_id');
const sum = (so: Rec, field: string) =>
  roundMoney(productLines(so).reduce((total, line) => total + line.num(field), 0));

function invoiceIds(env: Env, row: Row): number[] {
  const ids = new Set<number>();
  for (const line of order(env, row).list('order_line')) {
    for (const aml of invoiceLines(env, line.id)) {
      const move = aml.rel('move_id');
      if (move && ['out_invoice', 'out_refund'].includes(move.str('move_type'))) ids.add(move.id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

function invoiceStatus(env: Env, row: Row): string {
  const so = order(env, row);
  if (so.str('state') !== 'sale') return 'no';
  const statuses = productLines(so).map((line) => lineInvoiceStatus(env, line.row));
  if (statuses.includes('to invoice')) return 'to invoice';
  if (statuses.length > 0 && statuses.every((status) => status === 'invoiced')) return 'invoiced';
  if (statuses.length > 0 && statuses.every((status) => status === 'invoiced' || status === 'upselling'))
    return 'upselling';
  return 'no';
}

function deliveryStatus(env: Env, row: Row): string | false {
  const pickings = order(env, row)
    .list('picking_ids')
    .filter((picking) => picking.str('state') !== 'cancel');
  if (pickings.length === 0) return false;
  if (pickings.every((picking) => picking.str('state') === 'done')) return 'full';
  return pickings.some((picking) => picking.str('state') === 'done') ? 'partial' : 'pending';
}

const orderMethod = (run: (env: Env, orders: Rec[]) => unknown): MethodDef => ({
  access: { operation: 'write' },
  params: [],
  run: (env, ids) => run(env, browse(env, 'sale.order', ids)),
});

export const saleOrder: ModelDef = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  accessGroups: 'Sales/User: Own Documents Only',
  nameSearchFields: ['name', 'client_order_ref'],
  fields: {
    name: char('Order Reference', { required: true, default: 'New' }),
    state: selection(
      'Status',
      [
        ['draft', 'Quotation'],
        ['sent', 'Quotation Sent'],
        ['sale', 'Sales Order'],
        ['cancel', 'Cancelled'],
      ],
      { default: 'draft' },
    ),
    locked: boolean('Locked', { default: false }),
    partner_id: many2one('res.partner', 'Customer', { required: true, ondelete: 'restrict' }),
    partner_invoice_id: many2one('res.partner', 'Invoice Address', { required: true }),
    partner_shipping_id: many2one('res.partner', 'Delivery Address', { required: true }),
    client_order_ref: char('Customer Reference'),
    origin: char('Source Document'),
    note: html('Terms and conditions'),
    date_order: datetime('Order Date', { required: true, default: (env) => nowString(env) }),
    validity_date: date('Expiration'),
    commitment_date: datetime('Delivery Date'),
    order_line: one2many('sale.order.line', 'order_id', 'Order Lines'),
    // Odoo 17+ fills the pricelist from the customer; without partner pricelists that is the default one.
    pricelist_id: many2one('product.pricelist', 'Pricelist', {
      ondelete: 'restrict',
      default: (env) => defaultPricelistId(env),
    }),
    // Odoo computes the order currency from its pricelist (the company's without one), so writes are ignored.
    currency_id: many2one('res.currency', 'Currency', {
      compute: (env, row) => orderCurrency(order(env, row)),
    }),
    amount_untaxed: monetary('Untaxed Amount', {
      compute: (env, row) => sum(order(env, row), 'price_subtotal'),
    }),
    amount_tax: monetary('Taxes', { compute: (env, row) => sum(order(env, row), 'price_tax') }),
    amount_total: monetary('Total', { compute: (env, row) => sum(order(env, row), 'price_total') }),
    user_id: many2one('res.users', 'Salesperson', { default: (env) => env.uid }),
    company_id: many2one('res.company', 'Company', { required: true, default: 1 }),
    warehouse_id: many2one('stock.warehouse', 'Warehouse', {
      required: true,
      default: (env) => search(env, 'stock.warehouse', [], { limit: 1 })[0]?.id ?? false,
    }),
    picking_policy: selection(
      'Shipping Policy',
      [
        ['direct', 'As soon as possible'],
        ['one', 'When all products are ready'],
      ],
      { required: true, default: 'direct' },
    ),
    picking_ids: one2many('stock.picking', 'sale_id', 'Transfers'),
    delivery_count: {
      type: 'integer',
      string: 'Delivery Orders',
      compute: (env, row) => order(env, row).ids('picking_ids').length,
    },
    delivery_status: selection(
      'Delivery Status',
      [
        ['pending', 'Not Delivered'],
        ['started', 'Started'],
        ['partial', 'Partially Delivered'],
        ['full', 'Fully Delivered'],
      ],
      { compute: deliveryStatus },
    ),
    invoice_ids: many2many('account.move', 'Invoices', { compute: invoiceIds }),
    invoice_count: {
      type: 'integer',
      string: 'Invoice Count',
      compute: (env, row) => invoiceIds(env, row).length,
    },
    invoice_status: selection(
      'Invoice Status',
      [
        ['upselling', 'Upselling Opportunity'],
        ['invoiced', 'Fully Invoiced'],
        ['to invoice', 'To Invoice'],
        ['no', 'Nothing to Invoice'],
      ],
      { compute: invoiceStatus },
    ),
  },
  prepareCreate: (env, vals) => {
    if (vals.name === 'New' || vals.name === undefined || vals.name === false)
      vals.name = `S${pad(nextNumber(env, 'sale.order'))}`;
    if (typeof vals.partner_id !== 'number') return;
    // Odoo fills both addresses from the customer's invoice / delivery contacts.
    const partner = record(env, 'res.partner', vals.partner_id);
    const children = partner.list('child_ids');
    const pick = (type: string) => children.find((child) => child.str('type') === type)?.id ?? partner.id;
    if (vals.partner_invoice_id === undefined) vals.partner_invoice_id = pick('invoice');
    if (vals.partner_shipping_id === undefined) vals.partner_shipping_id = pick('delivery');
  },
  afterCreate: (env, ids) => {
    for (const so of browse(env, 'sale.order', ids))
      if (so.str('state') === 'sale') launchProcurement(env, so.list('order_line'));
  },
  beforeUnlink: (env, ids) => {
    if (browse(env, 'sale.order', ids).some((so) => !['draft', 'cancel'].includes(so.str('state')))) {
      throw userError(
        'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
      );
    }
  },
  methods: {
    action_confirm: orderMethod((env, orders) => {
      const blocked = orders.filter((so) => !['draft', 'sent'].includes(so.str('state')));
      if (blocked.length > 0) {
        throw userError(
          `The following orders are not in a state requiring confirmation: ${blocked.map((so) => so.name).join(', ')}`,
        );
      }
      for (const so of orders) {
        so.write({ state: 'sale', date_order: nowString(env) });
        launchProcurement(env, so.list('order_line'));
      }
      return true;
    }),
    action_cancel: orderMethod((env, orders) => {
      if (orders.some((so) => so.bool('locked')))
        throw userError('You cannot cancel a locked order. Please unlock it first.');
      const warn = !env.context.disable_cancel_warning && orders.some((so) => so.str('state') !== 'draft');
      if (!warn) return cancelOrders(env, orders);
      // Odoo answers the cancellation wizard (offering to e-mail the customer) instead of cancelling.
      const first = orders[0]!;
      return {
        name: `Cancel ${first.str('state') === 'sale' ? 'Sales Order' : 'Quotation'}`,
        view_mode: 'form',
        res_model: 'sale.order.cancel',
        view_id: false,
        type: 'ir.actions.act_window',
        context: { default_order_id: first.id, mark_so_as_canceled: true },
        target: 'new',
      };
    }),
    action_draft: orderMethod((_env, orders) => {
      for (const so of orders) if (['cancel', 'sent'].includes(so.str('state'))) so.write({ state: 'draft' });
      return true;
    }),
    action_lock: orderMethod((_env, orders) => {
      for (const so of orders) so.write({ locked: true });
      return true;
    }),
    action_unlock: orderMethod((_env, orders) => {
      for (const so of orders) so.write({ locked: false });
      return true;
    }),
    action_view_invoice: {
      params: [{ name: 'invoices', default: false }],
      run: (env, ids, args) => {
        const orders = browse(env, 'sale.order', ids);
        const given = Array.isArray(args.invoices)
          ? args.invoices.filter((id): id is number => typeof id === 'number')
          : [];
        return invoiceAction(given.length > 0 ? given : orders.flatMap((so) => so.ids('invoice_ids')));
      },
    },
  },
};

const LINE_FIELDS_TRIGGERING_PROCUREMENT = ['product_uom_qty', 'product_id'];

export const saleOrderLineModel: ModelDef = {
  ...saleOrderLine,
  prepareCreate: (env, vals) => {
    if (typeof vals.product_id !== 'number' || vals.display_type) return;
    const product = record(env, 'product.product', vals.product_id);
    const uom = lineUomField(env);
    if (vals.name === undefined || vals.name === false) {
      const description = product.str('description_sale');
      vals.name = description ? `${product.name}\n${description}` : product.name;
    }
    if (vals[uom] === undefined || vals[uom] === false) vals[uom] = product.m2o('uom_id');
    // Sales prices are in the company currency; Odoo's pricelist converts them into the order's.
    if (vals.price_unit === undefined) {
      const so = typeof vals.order_id === 'number' ? record(env, 'sale.order', vals.order_id) : undefined;
      vals.price_unit = fromCompanyCurrency(env, product.num('list_price'), so?.m2o('currency_id') ?? false);
    }
    const taxes = lineTaxField(env);
    if (vals[taxes] === undefined) vals[taxes] = [[6, 0, product.ids('taxes_id')]];
  },
  afterCreate: (env, ids) => {
    checkAccountable(env, ids);
    launchProcurement(env, browse(env, 'sale.order.line', ids));
  },
  afterWrite: (env, ids, vals) => {
    checkAccountable(env, ids);
    if (LINE_FIELDS_TRIGGERING_PROCUREMENT.some((field) => field in vals))
      launchProcurement(env, browse(env, 'sale.order.line', ids));
  },
  beforeUnlink: (env, ids) => {
    const confirmed = browse(env, 'sale.order.line', ids).some(
      (line) => line.rel('order_id')?.str('state') === 'sale' && !line.str('display_type'),
    );
    if (confirmed) {
      throw userError(
        "Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered).\n" +
          'Set the quantity to 0 instead.',
      );
    }
  },
};

// sale_order_line's SQL constraint `accountable_required_fields`, surfaced as a ValidationError by the RPC layer.
function checkAccountable(env: Env, ids: number[]): void {
  for (const line of browse(env, 'sale.order.line', ids)) {
    if (!line.str('display_type') && (!line.m2o('product_id') || !line.m2o(lineUomField(env)))) {
      throw validationError(
        'The operation cannot be completed: Missing required fields on accountable sale order line.',
      );
    }
  }
}

export const SALE_MODELS: readonly ModelDef[] = [saleOrder, saleOrderLineModel];
