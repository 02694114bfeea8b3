import { userError } from '../errors.js';
import { asVals, asValsList } from '../orm/args.js';
import { browse, create, nowString, type Rec, record, search } from '../orm/records.js';
import type { Env, MethodDef, ModelDef, Vals } from '../orm/types.js';
import { createRecords, writeRecords } from '../orm/write.js';
import { float } from './fields.js';
import { assignPickingName, stockMoveFields, stockPickingFields, stockQuantFields } from './stock.js';
import {
  cancelMoves,
  confirmMoves,
  donePicking,
  moveQuantity,
  openMoves,
  reserveMoves,
  setMoveQuantity,
  unreserveMoves,
} from './stock-logic.js';

const QUANT_RESTRICTED = "Quant's editing is restricted, you can't do this operation.";
const QUANT_CREATE_FIELDS = new Set([
  'product_id',
  'location_id',
  'inventory_quantity',
  'inventory_quantity_auto_apply',
  'inventory_quantity_set',
  'inventory_date',
  'in_date',
  'company_id',
]);
const QUANT_WRITE_FIELDS = new Set([
  'inventory_quantity',
  'inventory_quantity_auto_apply',
  'inventory_quantity_set',
  'inventory_date',
]);

/** Inventory adjustment: sets on-hand stock through a done move from/to the inventory loss location. */
function applyQuantity(env: Env, quant: Rec, quantity: number): void {
  const diff = quantity - quant.num('quantity');
  if (Math.abs(diff) < 1e-9) return;
  const loss = search(env, 'stock.location', [['usage', '=', 'inventory']], { limit: 1 })[0];
  const product = quant.rel('product_id')!;
  const here = Number(quant.m2o('location_id'));
  create(env, 'stock.move', {
    name: 'Product Quantity Updated',
    product_id: product.id,
    product_uom: product.m2o('uom_id'),
    product_uom_qty: Math.abs(diff),
    location_id: diff > 0 ? (loss?.id ?? here) : here,
    location_dest_id: diff > 0 ? here : (loss?.id ?? here),
    state: 'done',
    date: nowString(env),
  });
  quant.write({ quantity, inventory_quantity: 0, inventory_quantity_set: false });
}

export const stockQuant: ModelDef = {
  name: 'stock.quant',
  description: 'Quants',
  order: 'id',
  accessGroups: 'Inventory/Administrator',
  fields: {
    ...stockQuantFields,
    inventory_quantity_auto_apply: float('Inventoried Quantity', {
      compute: (_env, row) => Number(row.quantity ?? 0),
      inverse: (env, row, value) => applyQuantity(env, record(env, 'stock.quant', row.id), Number(value)),
    }),
    inventory_date: { type: 'date', string: 'Scheduled Date' },
  },
  methods: {
    // Odoo's inventory mode: creating a quant that exists updates its counted quantity instead.
    create: {
      apiModel: true,
      createMulti: true,
      access: { operation: 'create' },
      params: [{ name: 'vals_list', required: true }],
      run: (env, _ids, args, model) =>
        asValsList(args.vals_list).map((vals) => {
          if (Object.keys(vals).some((key) => !QUANT_CREATE_FIELDS.has(key)))
            throw userError(QUANT_RESTRICTED);
          const existing = search(
            env,
            'stock.quant',
            [
              ['product_id', '=', vals.product_id],
              ['location_id', '=', vals.location_id],
            ],
            { limit: 1 },
          )[0];
          const { product_id, location_id, ...rest } = vals;
          if (existing) {
            writeRecords(env, model, [existing.id], inventoryVals(rest));
            return existing.id;
          }
          return createRecords(env, model, [{ product_id, location_id, ...inventoryVals(rest) }])[0];
        }),
    },
    write: {
      access: { operation: 'write' },
      params: [{ name: 'vals', required: true }],
      run: (env, ids, args, model) => {
        const vals = asVals(args.vals);
        if (Object.keys(vals).some((key) => !QUANT_WRITE_FIELDS.has(key))) throw userError(QUANT_RESTRICTED);
        writeRecords(env, model, ids, inventoryVals(vals));
        return true;
      },
    },
    action_apply_inventory: {
      access: { operation: 'write' },
      params: [],
      run: (env, ids) => {
        for (const quant of browse(env, 'stock.quant', ids)) {
          if (quant.bool('inventory_quantity_set'))
            applyQuantity(env, quant, quant.num('inventory_quantity'));
        }
        return null;
      },
    },
  },
};

// Writing a counted quantity marks it as set, as the inventory UI does.
function inventoryVals(vals: Vals): Vals {
  return 'inventory_quantity' in vals && !('inventory_quantity_set' in vals)
    ? { ...vals, inventory_quantity_set: true }
    : vals;
}

export const stockMove: ModelDef = {
  name: 'stock.move',
  description: 'Stock Move',
  order: 'sequence, id',
  accessGroups: 'Inventory/User',
  fields: {
    ...stockMoveFields,
    quantity: float('Quantity', {
      since: 17,
      compute: (env, row) => moveQuantity(record(env, 'stock.move', row.id)),
      inverse: (env, row, value) => setMoveQuantity(env, record(env, 'stock.move', row.id), Number(value)),
    }),
  },
  prepareCreate: (env, vals) => {
    // Odoo computes these from the picking and the product when the caller leaves them out.
    const picking =
      typeof vals.picking_id === 'number' ? record(env, 'stock.picking', vals.picking_id) : undefined;
    for (const key of ['location_id', 'location_dest_id', 'picking_type_id', 'partner_id'] as const) {
      if ((vals[key] === undefined || vals[key] === false) && picking) vals[key] = picking.get(key);
    }
    const product =
      typeof vals.product_id === 'number' ? record(env, 'product.product', vals.product_id) : undefined;
    if (product && (vals.product_uom === undefined || vals.product_uom === false))
      vals.product_uom = product.m2o('uom_id');
    if (product && (vals.name === undefined || vals.name === false)) vals.name = product.name;
    if (picking && vals.origin === undefined) vals.origin = picking.get('origin');
  },
  afterCreate: (env, ids) => {
    // A move added to a confirmed picking is confirmed and reserved right away.
    const moves = browse(env, 'stock.move', ids).filter((move) => {
      const picking = move.rel('picking_id');
      return (
        move.str('state') === 'draft' &&
        picking &&
        !['draft', 'done', 'cancel'].includes(picking.str('state'))
      );
    });
    confirmMoves(moves);
    reserveMoves(env, moves);
  },
};

const pickingMethod = (run: (env: Env, pickings: Rec[]) => unknown): MethodDef => ({
  access: { operation: 'write' },
  params: [],
  run: (env, ids) => run(env, browse(env, 'stock.picking', ids)),
});

function confirmPickings(env: Env, pickings: Rec[]): true {
  for (const picking of pickings) {
    const moves = picking.list('move_ids');
    confirmMoves(moves);
    reserveMoves(env, moves);
  }
  return true;
}

export const stockPicking: ModelDef = {
  name: 'stock.picking',
  description: 'Transfer',
  order: 'priority desc, scheduled_date asc, id desc',
  accessGroups: 'Inventory/User',
  fields: stockPickingFields,
  prepareCreate: (env, vals) => {
    const typeId = vals.picking_type_id;
    if (typeof typeId === 'number') {
      const type = record(env, 'stock.picking.type', typeId);
      if (vals.location_id === undefined) vals.location_id = type.get('default_location_src_id');
      if (vals.location_dest_id === undefined) vals.location_dest_id = type.get('default_location_dest_id');
    }
    assignPickingName(env, vals);
  },
  methods: {
    action_confirm: pickingMethod(confirmPickings),
    action_assign: pickingMethod((env, pickings) => {
      const draft = pickings.filter((picking) => picking.str('state') === 'draft');
      confirmPickings(env, draft);
      for (const picking of pickings) reserveMoves(env, picking.list('move_ids'));
      return true;
    }),
    do_unreserve: pickingMethod((env, pickings) => {
      for (const picking of pickings) unreserveMoves(env, picking.list('move_ids'));
      return true;
    }),
    action_cancel: pickingMethod((env, pickings) => {
      for (const picking of pickings)
        cancelMoves(
          env,
          picking.list('move_ids').filter((m) => m.str('state') !== 'cancel'),
        );
      return true;
    }),
    button_validate: pickingMethod(buttonValidate),
  },
};

/**
 * `button_validate` as in Odoo 17+: without `skip_backorder`, short pickings answer the backorder wizard
 * action; with it, a backorder is created unless the picking is listed in `picking_ids_not_to_backorder`.
 */
export function buttonValidate(env: Env, pickings: Rec[]): unknown {
  const todo = pickings.filter((picking) => picking.str('state') !== 'done');
  for (const picking of todo) {
    if (picking.str('state') === 'draft') {
      confirmMoves(picking.list('move_ids'));
      // Odoo validates a draft picking as if everything planned was done.
      for (const move of picking.list('move_ids'))
        if (moveQuantity(move) === 0) setMoveQuantity(env, move, move.num('product_uom_qty'));
    }
    if (picking.list('move_ids').length === 0) throw userError('Please add some items to move.');
    if (openMoves(picking).every((move) => moveQuantity(move) <= 0)) {
      throw userError(
        'You cannot validate a transfer if no quantities are reserved nor done. To force the transfer, encode quantities.',
      );
    }
  }
  const policy = (picking: Rec) => picking.rel('picking_type_id')?.str('create_backorder') || 'ask';
  const short = (picking: Rec) =>
    openMoves(picking).some((move) => moveQuantity(move) < move.num('product_uom_qty') - 1e-6);
  if (!env.context.skip_backorder) {
    const ask = todo.filter((picking) => short(picking) && policy(picking) === 'ask');
    if (ask.length > 0) return backorderWizardAction(env, ask, todo);
  }
  const listed = Array.isArray(env.context.picking_ids_not_to_backorder)
    ? env.context.picking_ids_not_to_backorder
    : [];
  for (const picking of todo) {
    const noBackorder =
      policy(picking) === 'never' || (listed.includes(picking.id) && policy(picking) !== 'always');
    donePicking(env, picking, !noBackorder);
  }
  return true;
}

function backorderWizardAction(env: Env, ask: Rec[], all: Rec[]): Record<string, unknown> {
  return {
    name: 'Create Backorder?',
    type: 'ir.actions.act_window',
    view_mode: 'form',
    res_model: 'stock.backorder.confirmation',
    views: [[false, 'form']],
    view_id: false,
    target: 'new',
    context: {
      ...env.context,
      button_validate_picking_ids: all.map((picking) => picking.id),
      default_show_transfers: false,
      default_pick_ids: ask.map((picking) => [4, picking.id]),
    },
  };
}
