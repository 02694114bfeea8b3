import { userError } from '../errors.js';
import { browse, create, type Rec, record } from '../orm/records.js';
import type { Env, MethodDef, ModelDef } from '../orm/types.js';
import { boolean, float, many2many, many2one, one2many } from './fields.js';
import { confirmMoves, reserveMoves } from './stock-logic.js';
import { buttonValidate } from './stock-models.js';

const validateFromWizard = (keepBackorder: boolean): MethodDef => ({
  access: { operation: 'write', model: 'stock.picking' },
  params: [],
  run: (env, ids) => {
    const pickings = browse(env, 'stock.backorder.confirmation', ids).flatMap((wizard) =>
      wizard.list('pick_ids'),
    );
    const context = {
      ...env.context,
      skip_backorder: true,
      picking_ids_not_to_backorder: keepBackorder ? [] : pickings.map((picking) => picking.id),
    };
    return buttonValidate({ ...env, context }, pickings);
  },
});

/** The "Create Backorder?" wizard that `button_validate` returns for short pickings. */
export const stockBackorderConfirmation: ModelDef = {
  name: 'stock.backorder.confirmation',
  description: 'Backorder Confirmation',
  order: 'id',
  transient: true,
  fields: {
    pick_ids: many2many('stock.picking', 'Transfers'),
    show_transfers: boolean('Show Transfers', { default: false }),
  },
  methods: {
    process: validateFromWizard(true),
    process_cancel_backorder: validateFromWizard(false),
  },
};

export const stockReturnPickingLine: ModelDef = {
  name: 'stock.return.picking.line',
  description: 'Return Picking Line',
  order: 'id',
  transient: true,
  fields: {
    wizard_id: many2one('stock.return.picking', 'Wizard', { ondelete: 'cascade' }),
    product_id: many2one('product.product', 'Product', { required: true }),
    quantity: float('Quantity', { default: 0 }),
    uom_id: many2one('uom.uom', 'Unit of Measure'),
    move_id: many2one('stock.move', 'Move'),
    to_refund: boolean('Update quantities on SO/PO', { default: true }),
  },
};

// What is left to return on a done move: its quantity minus returns already made (and not cancelled).
function returnable(move: Rec): number {
  const returned = move.list('returned_move_ids').filter((back) => back.str('state') !== 'cancel');
  return move.num('product_uom_qty') - returned.reduce((sum, back) => sum + back.num('product_uom_qty'), 0);
}

function createReturn(env: Env, wizard: Rec, all: boolean): Rec {
  const picking = wizard.rel('picking_id')!;
  const type = picking.rel('picking_type_id')!;
  const returnType = type.rel('return_picking_type_id') ?? type;
  const lines = wizard.list('product_return_moves').filter((line) => all || line.num('quantity') > 0);
  if (lines.length === 0) throw userError('Please specify at least one non-zero quantity.');
  const back = create(env, 'stock.picking', {
    picking_type_id: returnType.id,
    partner_id: picking.m2o('partner_id'),
    origin: `Return of ${picking.str('name')}`,
    location_id: picking.m2o('location_dest_id'),
    location_dest_id: wizard.m2o('location_id') || picking.m2o('location_id'),
    sale_id: picking.m2o('sale_id'),
    return_id: picking.id,
  });
  for (const line of lines) {
    const move = line.rel('move_id');
    const toRefund = line.bool('to_refund');
    create(env, 'stock.move', {
      picking_id: back.id,
      product_id: line.m2o('product_id'),
      product_uom_qty: all && move ? returnable(move) : line.num('quantity'),
      product_uom: line.m2o('uom_id') || move?.m2o('product_uom') || false,
      origin_returned_move_id: move?.id ?? false,
      to_refund: toRefund,
      sale_line_id: toRefund && move ? move.m2o('sale_line_id') : false,
      state: 'draft',
    });
  }
  const moves = back.list('move_ids');
  confirmMoves(moves);
  reserveMoves(env, moves);
  return back;
}

const returnMethod = (all: boolean, since?: 18, until?: 17): MethodDef => ({
  access: { operation: 'create', model: 'stock.picking' },
  params: [],
  since,
  until,
  run: (env, ids) => {
    const back = createReturn(env, record(env, 'stock.return.picking', ids[0] ?? 0), all);
    return {
      name: back.str('name'),
      view_mode: 'form',
      res_model: 'stock.picking',
      res_id: back.id,
      type: 'ir.actions.act_window',
      context: { ...env.context, default_partner_id: back.m2o('partner_id') },
    };
  },
});

/**
 * The return wizard: created with `active_id` (a done picking) in context, it proposes one line per done
 * move with what is left to return; `create_returns` (Odoo 17) or `action_create_returns` (18+) makes an
 * incoming picking back to the source location, confirmed and ready.
 */
export const stockReturnPicking: ModelDef = {
  name: 'stock.return.picking',
  description: 'Return Picking',
  order: 'id',
  transient: true,
  fields: {
    picking_id: many2one('stock.picking', 'Transfer'),
    product_return_moves: one2many('stock.return.picking.line', 'wizard_id', 'Moves'),
    location_id: many2one('stock.location', 'Return Location'),
    company_id: many2one('res.company', 'Company'),
  },
  prepareCreate: (env, vals) => {
    const activeModel = env.context.active_model;
    if (vals.picking_id === undefined && (activeModel === undefined || activeModel === 'stock.picking')) {
      vals.picking_id = env.context.active_id;
    }
    if (typeof vals.picking_id !== 'number') throw userError('You may only return Done pickings.');
    const picking = record(env, 'stock.picking', vals.picking_id);
    if (picking.str('state') !== 'done') throw userError('You may only return Done pickings.');
    if (vals.product_return_moves === undefined) {
      const moves = picking.list('move_ids').filter((move) => move.str('state') === 'done');
      vals.product_return_moves = moves.map((move) => [
        0,
        0,
        {
          product_id: move.m2o('product_id'),
          quantity: Math.max(0, returnable(move)),
          uom_id: move.m2o('product_uom'),
          move_id: move.id,
          to_refund: true,
        },
      ]);
    }
    if (vals.location_id === undefined) vals.location_id = picking.m2o('location_id');
  },
  methods: {
    create_returns: returnMethod(false, undefined, 17),
    action_create_returns: returnMethod(false, 18),
    action_create_returns_all: returnMethod(true, 18),
  },
};

export const STOCK_WIZARDS: readonly ModelDef[] = [
  stockBackorderConfirmation,
  stockReturnPicking,
  stockReturnPickingLine,
];
