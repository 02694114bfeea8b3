import { record, search } from '../orm/records.js';
import type { Env, ModelDef, Row } from '../orm/types.js';
import { boolean, char, integer, many2one, one2many, selection } from './fields.js';

const LOCATION_USAGE = [
  ['supplier', 'Vendor Location'],
  ['view', 'View'],
  ['internal', 'Internal Location'],
  ['customer', 'Customer Location'],
  ['inventory', 'Inventory Loss'],
  ['production', 'Production'],
  ['transit', 'Transit Location'],
] as const;

function locationName(env: Env, row: Row): string {
  const location = record(env, 'stock.location', row.id);
  const parent = location.rel('location_id');
  // Odoo leaves the top-level view locations out of the full name ("WH/Stock", "Partners/Customers").
  return parent && location.str('usage') !== 'view'
    ? `${parent.str('complete_name')}/${location.str('name')}`
    : location.str('name');
}

function locationWarehouse(env: Env, row: Row): number | false {
  const views = new Map(
    search(env, 'stock.warehouse', [], {}).map((warehouse) => [
      warehouse.m2o('view_location_id'),
      warehouse.id,
    ]),
  );
  for (let current = record(env, 'stock.location', row.id); ; ) {
    const found = views.get(current.id);
    if (found !== undefined) return found;
    const parent = current.rel('location_id');
    if (!parent) return false;
    current = parent;
  }
}

export const stockLocation: ModelDef = {
  name: 'stock.location',
  description: 'Inventory Locations',
  order: 'complete_name, id',
  parentName: 'location_id',
  accessGroups: 'Inventory/Administrator',
  displayName: locationName,
  nameSearchFields: ['complete_name', 'barcode'],
  fields: {
    name: char('Location Name', { required: true }),
    complete_name: char('Full Location Name', { compute: locationName }),
    usage: selection('Location Type', LOCATION_USAGE, { required: true, default: 'internal' }),
    location_id: many2one('stock.location', 'Parent Location', { ondelete: 'cascade' }),
    child_ids: one2many('stock.location', 'location_id', 'Contains'),
    warehouse_id: many2one('stock.warehouse', 'Warehouse', { compute: locationWarehouse }),
    barcode: char('Barcode'),
    active: boolean('Active', { default: true }),
    company_id: many2one('res.company', 'Company'),
  },
};

export const stockWarehouse: ModelDef = {
  name: 'stock.warehouse',
  description: 'Warehouse',
  order: 'sequence,id',
  accessGroups: 'Inventory/Administrator',
  fields: {
    name: char('Warehouse', { required: true }),
    code: char('Short Name', { required: true }),
    sequence: integer('Sequence', { default: 10 }),
    view_location_id: many2one('stock.location', 'View Location', { required: true }),
    lot_stock_id: many2one('stock.location', 'Location Stock', { required: true }),
    in_type_id: many2one('stock.picking.type', 'In Type'),
    out_type_id: many2one('stock.picking.type', 'Out Type'),
    partner_id: many2one('res.partner', 'Address'),
    company_id: many2one('res.company', 'Company'),
    active: boolean('Active', { default: true }),
  },
};

export const stockPickingType: ModelDef = {
  name: 'stock.picking.type',
  description: 'Picking Type',
  order: 'sequence, id',
  displayName: (env, row) => {
    const type = record(env, 'stock.picking.type', row.id);
    const warehouse = type.rel('warehouse_id');
    return warehouse ? `${warehouse.str('name')}: ${type.str('name')}` : type.str('name');
  },
  fields: {
    name: char('Operation Type', { required: true }),
    code: selection(
      'Type of Operation',
      [
        ['incoming', 'Receipt'],
        ['outgoing', 'Delivery'],
        ['internal', 'Internal Transfer'],
      ],
      { required: true },
    ),
    sequence: integer('Sequence', { default: 10 }),
    sequence_code: char('Sequence Prefix', { required: true }),
    warehouse_id: many2one('stock.warehouse', 'Warehouse', { ondelete: 'cascade' }),
    default_location_src_id: many2one('stock.location', 'Default Source Location'),
    default_location_dest_id: many2one('stock.location', 'Default Destination Location'),
    return_picking_type_id: many2one('stock.picking.type', 'Operation Type for Returns'),
    create_backorder: selection(
      'Create Backorder',
      [
        ['ask', 'Ask'],
        ['always', 'Always'],
        ['never', 'Never'],
      ],
      { default: 'ask' },
    ),
    active: boolean('Active', { default: true }),
    company_id: many2one('res.company', 'Company'),
  },
};
