import { nextNumber, nowString, pad, record, search } from '../orm/records.js';
import type { Env, ModelDef, Row } from '../orm/types.js';
import { boolean, char, datetime, float, integer, many2one, one2many, selection, text } from './fields.js';
import { convertUom } from './product.js';
import { pickingState } from './stock-state.js';

export const MOVE_STATES = [
  ['draft', 'New'],
  ['waiting', 'Waiting Another Move'],
  ['confirmed', 'Waiting Availability'],
  ['partially_available', 'Partially Available'],
  ['assigned', 'Available'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
] as const;

/** Quantity reserved on a quant (in the product's unit): what open move lines hold on it. */
function reservedOnQuant(env: Env, row: Row): number {
  const productUom = record(env, 'stock.quant', row.id).rel('product_id')?.m2o('uom_id') ?? false;
  return search(env, 'stock.move.line', [['quant_id', '=', row.id]], { order: 'id' })
    .filter((line) => !['done', 'cancel'].includes(line.rel('move_id')?.str('state') ?? 'done'))
    .reduce(
      (sum, line) => sum + convertUom(env, line.num('quantity'), line.m2o('product_uom_id'), productUom),
      0,
    );
}

export const stockQuantFields: ModelDef['fields'] = {
  product_id: many2one('product.product', 'Product', { required: true, ondelete: 'restrict' }),
  location_id: many2one('stock.location', 'Location', { required: true, ondelete: 'restrict' }),
  warehouse_id: many2one('stock.warehouse', 'Warehouse', {
    compute: (env, row) =>
      record(env, 'stock.quant', row.id).rel('location_id')?.m2o('warehouse_id') ?? false,
  }),
  quantity: float('Quantity', { readonly: true }),
  reserved_quantity: float('Reserved Quantity', { readonly: true, compute: reservedOnQuant }),
  available_quantity: float('Available Quantity', {
    compute: (env, row) => Number(row.quantity ?? 0) - reservedOnQuant(env, row),
  }),
  inventory_quantity: float('Counted Quantity'),
  inventory_diff_quantity: float('Difference', {
    compute: (_env, row) =>
      row.inventory_quantity_set ? Number(row.inventory_quantity ?? 0) - Number(row.quantity ?? 0) : 0,
  }),
  inventory_quantity_set: boolean('Inventory Quantity Set', { default: false }),
  product_uom_id: many2one('uom.uom', 'Unit of Measure', {
    compute: (env, row) => record(env, 'stock.quant', row.id).rel('product_id')?.m2o('uom_id') ?? false,
  }),
  in_date: datetime('Incoming Date'),
  company_id: many2one('res.company', 'Company'),
};

export const stockMoveLine: ModelDef = {
  name: 'stock.move.line',
  description: 'Product Moves (Stock Move Line)',
  order: 'result_package_id desc, id',
  fields: {
    move_id: many2one('stock.move', 'Stock Operation', { ondelete: 'cascade' }),
    picking_id: many2one('stock.picking', 'Transfer'),
    product_id: many2one('product.product', 'Product', { required: true }),
    location_id: many2one('stock.location', 'From', { required: true }),
    location_dest_id: many2one('stock.location', 'To', { required: true }),
    quant_id: many2one('stock.quant', 'Pick From', { ondelete: 'set null' }),
    quantity: float('Quantity'),
    picked: boolean('Picked', { default: false }),
    product_uom_id: many2one('uom.uom', 'Unit of Measure'),
    result_package_id: integer('Destination Package', { compute: () => 0 }),
    state: selection('Status', MOVE_STATES, {
      compute: (env, row) => record(env, 'stock.move.line', row.id).rel('move_id')?.str('state') || 'draft',
    }),
    date: datetime('Date'),
  },
};

export const stockMoveFields: ModelDef['fields'] = {
  name: char('Description', { required: true }),
  reference: char('Reference', {
    compute: (env, row) =>
      record(env, 'stock.move', row.id).rel('picking_id')?.str('name') || String(row.name ?? ''),
  }),
  sequence: integer('Sequence', { default: 10 }),
  product_id: many2one('product.product', 'Product', { required: true }),
  product_uom_qty: float('Demand', { default: 0 }),
  product_uom: many2one('uom.uom', 'UoM', { required: true }),
  product_qty: float('Real Quantity', {
    compute: (env, row) => {
      const move = record(env, 'stock.move', row.id);
      const product = move.rel('product_id');
      return convertUom(
        env,
        move.num('product_uom_qty'),
        move.m2o('product_uom'),
        product?.m2o('uom_id') ?? false,
      );
    },
  }),
  state: selection('Status', MOVE_STATES, { default: 'draft' }),
  picked: boolean('Picked', { default: false }),
  picking_id: many2one('stock.picking', 'Transfer', { ondelete: 'cascade' }),
  picking_type_id: many2one('stock.picking.type', 'Operation Type'),
  location_id: many2one('stock.location', 'Source Location', { required: true }),
  location_dest_id: many2one('stock.location', 'Destination Location', { required: true }),
  partner_id: many2one('res.partner', 'Destination Address'),
  origin: char('Source Document'),
  date: datetime('Date Scheduled'),
  move_line_ids: one2many('stock.move.line', 'move_id', 'Move Lines'),
  origin_returned_move_id: many2one('stock.move', 'Origin return move'),
  returned_move_ids: one2many('stock.move', 'origin_returned_move_id', 'All returned moves'),
  to_refund: boolean('Update quantities on SO/PO', { default: false }),
  sale_line_id: many2one('sale.order.line', 'Sale Line', { ondelete: 'set null' }),
  warehouse_id: many2one('stock.warehouse', 'Warehouse'),
  company_id: many2one('res.company', 'Company'),
  description_picking: text('Description of Picking'),
};

export function assignPickingName(env: Env, vals: Record<string, unknown>): void {
  if (typeof vals.name === 'string' && vals.name !== '/' && vals.name !== '') return;
  const typeId = vals.picking_type_id;
  if (typeof typeId !== 'number') return;
  const type = record(env, 'stock.picking.type', typeId);
  const warehouse = type.rel('warehouse_id');
  const prefix = `${warehouse ? `${warehouse.str('code')}/` : ''}${type.str('sequence_code')}/`;
  vals.name = `${prefix}${pad(nextNumber(env, `picking:${typeId}`))}`;
}

export const stockPickingFields: ModelDef['fields'] = {
  name: char('Reference', { default: '/' }),
  origin: char('Source Document'),
  note: text('Notes'),
  partner_id: many2one('res.partner', 'Contact'),
  picking_type_id: many2one('stock.picking.type', 'Operation Type', { required: true }),
  picking_type_code: selection(
    'Type of Operation',
    [
      ['incoming', 'Receipt'],
      ['outgoing', 'Delivery'],
      ['internal', 'Internal Transfer'],
    ],
    {
      compute: (env, row) =>
        record(env, 'stock.picking', row.id).rel('picking_type_id')?.str('code') || false,
    },
  ),
  location_id: many2one('stock.location', 'Source Location', { required: true }),
  location_dest_id: many2one('stock.location', 'Destination Location', { required: true }),
  state: selection(
    'Status',
    [
      ['draft', 'Draft'],
      ['waiting', 'Waiting Another Operation'],
      ['confirmed', 'Waiting'],
      ['assigned', 'Ready'],
      ['done', 'Done'],
      ['cancel', 'Cancelled'],
    ],
    { compute: pickingState },
  ),
  move_type: selection(
    'Shipping Policy',
    [
      ['direct', 'As soon as possible'],
      ['one', 'When all products are ready'],
    ],
    { default: 'direct' },
  ),
  priority: selection(
    'Priority',
    [
      ['0', 'Normal'],
      ['1', 'Urgent'],
    ],
    { default: '0' },
  ),
  move_ids: one2many('stock.move', 'picking_id', 'Stock Moves'),
  move_ids_without_package: one2many('stock.move', 'picking_id', 'Stock moves not in package'),
  move_line_ids: one2many('stock.move.line', 'picking_id', 'Operations'),
  scheduled_date: datetime('Scheduled Date', { default: (env) => nowString(env) }),
  date_deadline: datetime('Deadline'),
  date_done: datetime('Date of Transfer'),
  backorder_id: many2one('stock.picking', 'Back Order of'),
  backorder_ids: one2many('stock.picking', 'backorder_id', 'Back Orders'),
  return_id: many2one('stock.picking', 'Return of'),
  return_ids: one2many('stock.picking', 'return_id', 'Returns'),
  sale_id: many2one('sale.order', 'Sales Order'),
  carrier_tracking_ref: char('Tracking Reference'),
  user_id: many2one('res.users', 'Responsible'),
  company_id: many2one('res.company', 'Company'),
  is_locked: boolean('Is Locked', { default: true }),
  printed: boolean('Printed', { default: false }),
};
