import { create, record, search } from '../orm/records.js';
import { setStored } from '../orm/rows.js';
import type { Env, FieldDef, ModelDef, Row, Value } from '../orm/types.js';
import { boolean, char, float, integer, many2many, many2one, one2many, selection, text } from './fields.js';
import { templateFigure, variantFigure } from './stock-quantities.js';

export const uomCategory: ModelDef = {
  name: 'uom.category',
  description: 'Product UoM Categories',
  order: 'name',
  fields: { name: char('Unit of Measure Category', { required: true }) },
};

export const uomUom: ModelDef = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'sequence, id',
  fields: {
    name: char('Unit of Measure', { required: true }),
    sequence: integer('Sequence', { default: 10 }),
    category_id: many2one('uom.category', 'Category', { until: 18 }),
    uom_type: selection(
      'Type',
      [
        ['bigger', 'Bigger than the reference Unit of Measure'],
        ['reference', 'Reference Unit of Measure for this category'],
        ['smaller', 'Smaller than the reference Unit of Measure'],
      ],
      { until: 18, default: 'reference' },
    ),
    // How many reference units one unit is worth (Odoo ≤18 stores its inverse as `factor`).
    factor: float('Ratio', { until: 18, compute: (_env, row) => 1 / Number(row.__ratio ?? 1) }),
    relative_factor: float('Contains', { since: 19, compute: (_env, row) => Number(row.__ratio ?? 1) }),
    rounding: float('Rounding Precision', { default: 0.01 }),
    active: boolean('Active', { default: true }),
  },
};

/** Converts a quantity between units using each unit's ratio to its reference unit. */
export function convertUom(env: Env, quantity: number, from: number | false, to: number | false): number {
  if (from === false || to === false || from === to) return quantity;
  const ratio = (id: number) => Number(record(env, 'uom.uom', id).row.__ratio ?? 1);
  return (quantity * ratio(from)) / ratio(to);
}

const PRODUCT_TYPES_17 = [
  ['consu', 'Consumable'],
  ['service', 'Service'],
  ['product', 'Storable Product'],
] as const;
const PRODUCT_TYPES_18 = [
  ['consu', 'Goods'],
  ['service', 'Service'],
  ['combo', 'Combo'],
] as const;

/** Whether stock is tracked: `type = 'product'` up to Odoo 17, the `is_storable` flag from 18. */
export function isStorable(env: Env, productId: number): boolean {
  const template = record(env, 'product.product', productId).rel('product_tmpl_id');
  if (!template) return false;
  return env.db.major <= 17 ? template.str('type') === 'product' : template.bool('is_storable');
}

// default_code and barcode live on the variant; a single-variant template shows and edits them too.
function variantField(name: 'default_code' | 'barcode', string: string): FieldDef {
  return char(string, {
    compute: (env, row) => firstVariant(env, row)?.get(name) ?? row[`__${name}`] ?? false,
    inverse: (env, row, value) => {
      const variant = firstVariant(env, row);
      if (variant) variant.write({ [name]: value });
      else setStored(env.db, 'product.template', row, `__${name}`, value);
    },
  });
}

const firstVariant = (env: Env, row: Row) =>
  search(env, 'product.product', [['product_tmpl_id', '=', row.id]], { order: 'id' })[0];

const defaultUom = (env: Env): Value =>
  search(env, 'uom.uom', [['name', '=', 'Units']], { limit: 1 })[0]?.id ?? false;

export const productTemplate: ModelDef = {
  name: 'product.template',
  description: 'Product',
  order: 'priority desc, name',
  accessGroups: 'Inventory/Administrator',
  displayName: (env, row) => {
    const template = record(env, 'product.template', row.id);
    const code = template.str('default_code');
    return code ? `[${code}] ${template.str('name')}` : template.str('name');
  },
  nameSearchFields: ['name', 'default_code'],
  fields: {
    name: char('Name', { required: true }),
    priority: selection(
      'Favorite',
      [
        ['0', 'Normal'],
        ['1', 'Favorite'],
      ],
      { default: '0' },
    ),
    description_sale: text('Sales Description'),
    type: selection('Product Type', PRODUCT_TYPES_17, { until: 17, default: 'consu', required: true }),
    detailed_type: selection('Product Type', PRODUCT_TYPES_17, {
      until: 17,
      compute: (_env, row) => row.type ?? 'consu',
      inverse: (env, row, value) => record(env, 'product.template', row.id).write({ type: value }),
    }),
    'type@18': selection('Product Type', PRODUCT_TYPES_18, { since: 18, default: 'consu', required: true }),
    is_storable: boolean('Track Inventory', { since: 18, default: false }),
    list_price: float('Sales Price', { default: 1 }),
    standard_price: float('Cost', { default: 0 }),
    uom_id: many2one('uom.uom', 'Unit of Measure', { required: true, default: defaultUom }),
    uom_po_id: many2one('uom.uom', 'Purchase Unit', { until: 18, default: defaultUom }),
    categ_id: many2one('product.category', 'Product Category', {
      default: (env) => search(env, 'product.category', [], { limit: 1 })[0]?.id ?? false,
    }),
    sale_ok: boolean('Can be Sold', { default: true }),
    purchase_ok: boolean('Can be Purchased', { default: true }),
    active: boolean('Active', { default: true }),
    invoice_policy: selection(
      'Invoicing Policy',
      [
        ['order', 'Ordered quantities'],
        ['delivery', 'Delivered quantities'],
      ],
      { default: 'order' },
    ),
    tracking: selection(
      'Tracking',
      [
        ['serial', 'By Unique Serial Number'],
        ['lot', 'By Lots'],
        ['none', 'By Quantity'],
      ],
      { default: 'none' },
    ),
    taxes_id: many2many('account.tax', 'Customer Taxes'),
    weight: float('Weight'),
    volume: float('Volume'),
    company_id: many2one('res.company', 'Company'),
    default_code: variantField('default_code', 'Internal Reference'),
    barcode: variantField('barcode', 'Barcode'),
    product_variant_ids: one2many('product.product', 'product_tmpl_id', 'Products'),
    product_variant_id: many2one('product.product', 'Product', {
      compute: (env, row) => firstVariant(env, row)?.id ?? false,
    }),
    product_variant_count: integer('# Product Variants', {
      compute: (env, row) => search(env, 'product.product', [['product_tmpl_id', '=', row.id]]).length,
    }),
    qty_available: float('Quantity On Hand', { compute: templateFigure('qtyAvailable') }),
    virtual_available: float('Forecasted Quantity', { compute: templateFigure('virtual') }),
    incoming_qty: float('Incoming', { compute: templateFigure('incoming') }),
    outgoing_qty: float('Outgoing', { compute: templateFigure('outgoing') }),
  },
  afterCreate: (env, ids) => {
    if (env.context.create_product_product) return;
    // Odoo creates the single variant of every new template, carrying the codes given to the template.
    const clean: Env = { ...env, context: {} };
    for (const id of ids) {
      const row = record(env, 'product.template', id).row;
      create(clean, 'product.product', {
        product_tmpl_id: id,
        default_code: row.__default_code ?? false,
        barcode: row.__barcode ?? false,
      });
    }
  },
};

export const productProduct: ModelDef = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  accessGroups: 'Inventory/Administrator',
  inherits: { model: 'product.template', field: 'product_tmpl_id' },
  nameSearchFields: ['default_code', 'name', 'barcode'],
  displayName: (env, row) => {
    const product = record(env, 'product.product', row.id);
    const code = product.str('default_code');
    return code ? `[${code}] ${product.str('name')}` : product.str('name');
  },
  fields: {
    product_tmpl_id: many2one('product.template', 'Product Template', {
      required: true,
      ondelete: 'cascade',
    }),
    default_code: char('Internal Reference'),
    barcode: char('Barcode'),
    active: boolean('Active', { default: true }),
    code: char('Reference', { compute: (_env, row) => row.default_code ?? false }),
    lst_price: float('Sales Price', {
      compute: (env, row) => record(env, 'product.product', row.id).num('list_price'),
    }),
    qty_available: float('Quantity On Hand', { compute: variantFigure('qtyAvailable') }),
    free_qty: float('Free To Use Quantity', { compute: variantFigure('freeQty') }),
    virtual_available: float('Forecasted Quantity', { compute: variantFigure('virtual') }),
    incoming_qty: float('Incoming', { compute: variantFigure('incoming') }),
    outgoing_qty: float('Outgoing', { compute: variantFigure('outgoing') }),
    stock_quant_ids: one2many('stock.quant', 'product_id', 'Stock Quants'),
  },
};

export const productCategory: ModelDef = {
  name: 'product.category',
  description: 'Product Category',
  order: 'complete_name',
  parentName: 'parent_id',
  displayName: (env, row) => record(env, 'product.category', row.id).str('complete_name'),
  fields: {
    name: char('Name', { required: true }),
    parent_id: many2one('product.category', 'Parent Category', { ondelete: 'cascade' }),
    complete_name: char('Complete Name', {
      compute: (env, row) => {
        const category = record(env, 'product.category', row.id);
        const parent = category.rel('parent_id');
        return parent ? `${parent.str('complete_name')} / ${category.str('name')}` : category.str('name');
      },
    }),
  },
};

export const PRODUCT_MODELS: readonly ModelDef[] = [
  uomCategory,
  uomUom,
  productCategory,
  productTemplate,
  productProduct,
];
