import { userError } from '../errors.js';
import { create, nowString, type Rec, record, search, unlink } from '../orm/records.js';
import type { Env } from '../orm/types.js';
import { convertUom, isStorable } from './product.js';

const EPSILON = 1e-6;
const OPEN = ['waiting', 'confirmed', 'partially_available', 'assigned'];

const internal = (env: Env, locationId: number | false) =>
  locationId !== false && record(env, 'stock.location', locationId).str('usage') === 'internal';

/** Sum of a move's detailed operations, in the move's unit (Odoo 17+ `stock.move.quantity`). */
export function moveQuantity(move: Rec): number {
  return move.list('move_line_ids').reduce((sum, line) => sum + line.num('quantity'), 0);
}

function lineValues(move: Rec, quantity: number, locationId: number | false, quantId: number | false) {
  return {
    move_id: move.id,
    picking_id: move.m2o('picking_id'),
    product_id: move.m2o('product_id'),
    location_id: locationId || move.m2o('location_id'),
    location_dest_id: move.m2o('location_dest_id'),
    quant_id: quantId,
    quantity,
    product_uom_id: move.m2o('product_uom'),
    date: nowString(move.env),
  };
}

function recomputeMoveState(move: Rec): void {
  const state = move.str('state');
  if (state === 'done' || state === 'cancel' || state === 'draft') return;
  const quantity = moveQuantity(move);
  const demand = move.num('product_uom_qty');
  const next =
    quantity >= demand - EPSILON && demand > 0
      ? 'assigned'
      : quantity > EPSILON
        ? 'partially_available'
        : 'confirmed';
  if (next !== state) move.write({ state: next });
}

export function confirmMoves(moves: Rec[]): void {
  for (const move of moves) if (move.str('state') === 'draft') move.write({ state: 'confirmed' });
}

/**
 * `_action_assign`: reserves what the source location has free, oldest quants first. Moves that leave a
 * non-internal location, and products whose stock is not tracked, are always available.
 */
export function reserveMoves(env: Env, moves: Rec[]): void {
  for (const move of moves) {
    if (!['confirmed', 'partially_available', 'waiting'].includes(move.str('state'))) continue;
    const productId = Number(move.m2o('product_id'));
    const productUom = record(env, 'product.product', productId).m2o('uom_id');
    const moveUom = move.m2o('product_uom');
    let needed = convertUom(env, move.num('product_uom_qty') - moveQuantity(move), moveUom, productUom);
    if (needed <= EPSILON) {
      recomputeMoveState(move);
      continue;
    }
    if (!internal(env, move.m2o('location_id')) || !isStorable(env, productId)) {
      create(
        env,
        'stock.move.line',
        lineValues(move, convertUom(env, needed, productUom, moveUom), false, false),
      );
      recomputeMoveState(move);
      continue;
    }
    const quants = search(
      env,
      'stock.quant',
      [
        ['product_id', '=', productId],
        ['location_id', 'child_of', Number(move.m2o('location_id'))],
      ],
      { order: 'in_date, id' },
    );
    for (const quant of quants) {
      if (needed <= EPSILON) break;
      const free = quant.num('quantity') - quant.num('reserved_quantity');
      if (free <= EPSILON) continue;
      const take = Math.min(free, needed);
      create(
        env,
        'stock.move.line',
        lineValues(move, convertUom(env, take, productUom, moveUom), quant.m2o('location_id'), quant.id),
      );
      needed -= take;
    }
    recomputeMoveState(move);
  }
}

export function unreserveMoves(env: Env, moves: Rec[]): void {
  for (const move of moves) {
    if (!OPEN.includes(move.str('state'))) continue;
    unlink(env, 'stock.move.line', move.ids('move_line_ids'));
    recomputeMoveState(move);
  }
}

/** Inverse of `stock.move.quantity`: grows with an unreserved line, shrinks from the last lines. */
export function setMoveQuantity(env: Env, move: Rec, value: number): void {
  if (move.str('state') === 'done' || move.str('state') === 'cancel') return;
  const lines = move.list('move_line_ids');
  let delta = value - moveQuantity(move);
  if (delta > EPSILON) create(env, 'stock.move.line', lineValues(move, delta, false, false));
  for (const line of [...lines].reverse()) {
    if (delta >= -EPSILON) break;
    const keep = line.num('quantity') + delta;
    if (keep > EPSILON) line.write({ quantity: keep });
    else unlink(env, 'stock.move.line', [line.id]);
    delta = Math.min(0, keep);
  }
  if (move.str('state') === 'draft') return;
  recomputeMoveState(move);
}

export function cancelMoves(env: Env, moves: Rec[]): void {
  if (moves.some((move) => move.str('state') === 'done')) {
    throw userError(
      "You cannot cancel a stock move that has been set to 'Done'. Create a return in order to reverse the moves which took place.",
    );
  }
  for (const move of moves) {
    if (move.str('state') === 'cancel') continue;
    unlink(env, 'stock.move.line', move.ids('move_line_ids'));
    move.write({ state: 'cancel' });
  }
}

/** Moves a quantity (product unit) between locations; only internal locations keep quants, as in Odoo. */
function shiftStock(
  env: Env,
  productId: number,
  quantity: number,
  from: number | false,
  to: number | false,
  quantId: number | false,
) {
  const now = nowString(env);
  const quantAt = (locationId: number) =>
    search(
      env,
      'stock.quant',
      [
        ['product_id', '=', productId],
        ['location_id', '=', locationId],
      ],
      { limit: 1 },
    )[0] ??
    create(env, 'stock.quant', { product_id: productId, location_id: locationId, quantity: 0, in_date: now });
  if (internal(env, from)) {
    const source = quantId !== false ? record(env, 'stock.quant', quantId) : quantAt(Number(from));
    source.write({ quantity: source.num('quantity') - quantity });
  }
  if (internal(env, to)) {
    const target = quantAt(Number(to));
    target.write({ quantity: target.num('quantity') + quantity });
  }
}

function copyMove(move: Rec, quantity: number, extra: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    'name',
    'product_id',
    'product_uom',
    'picking_type_id',
    'location_id',
    'location_dest_id',
    'partner_id',
    'origin',
    'sale_line_id',
    'origin_returned_move_id',
    'to_refund',
    'warehouse_id',
    'company_id',
    'sequence',
  ];
  return {
    ...Object.fromEntries(keys.map((key) => [key, move.get(key)])),
    product_uom_qty: quantity,
    ...extra,
  };
}

/**
 * `_action_done` for pickings: quantities leave and enter quants, short moves are split, and the rest goes
 * to a backorder (`withBackorder`) or is cancelled.
 */
export function donePicking(env: Env, picking: Rec, withBackorder: boolean): void {
  const now = nowString(env);
  const toBackorder: { move: Rec; quantity: number; whole: boolean }[] = [];
  for (const move of picking.list('move_ids')) {
    const state = move.str('state');
    if (state === 'done' || state === 'cancel') continue;
    const done = moveQuantity(move);
    const demand = move.num('product_uom_qty');
    if (done <= EPSILON) {
      if (withBackorder) toBackorder.push({ move, quantity: demand, whole: true });
      else cancelMoves(env, [move]);
      continue;
    }
    const productId = Number(move.m2o('product_id'));
    const productUom = record(env, 'product.product', productId).m2o('uom_id');
    for (const line of move.list('move_line_ids')) {
      const quantity = convertUom(env, line.num('quantity'), line.m2o('product_uom_id'), productUom);
      shiftStock(
        env,
        productId,
        quantity,
        line.m2o('location_id'),
        line.m2o('location_dest_id'),
        line.m2o('quant_id'),
      );
      // A done line no longer holds a reservation, so it leaves the quant (which keeps reserved sums cheap).
      line.write({ picked: true, date: now, quant_id: false });
    }
    if (done < demand - EPSILON) {
      if (withBackorder) toBackorder.push({ move, quantity: demand - done, whole: false });
      else
        create(env, 'stock.move', copyMove(move, demand - done, { picking_id: picking.id, state: 'cancel' }));
    }
    move.write({ product_uom_qty: done, state: 'done', picked: true, date: now });
  }
  picking.write({ date_done: now });
  if (toBackorder.length > 0) createBackorder(env, picking, toBackorder);
}

function createBackorder(
  env: Env,
  picking: Rec,
  parts: { move: Rec; quantity: number; whole: boolean }[],
): void {
  const keys = [
    'partner_id',
    'picking_type_id',
    'location_id',
    'location_dest_id',
    'origin',
    'sale_id',
    'move_type',
    'scheduled_date',
    'company_id',
    'return_id',
  ];
  const backorder = create(env, 'stock.picking', {
    ...Object.fromEntries(keys.map((key) => [key, picking.get(key)])),
    backorder_id: picking.id,
  });
  for (const part of parts) {
    if (part.whole) {
      unlink(env, 'stock.move.line', part.move.ids('move_line_ids'));
      part.move.write({ picking_id: backorder.id, state: 'confirmed' });
    } else
      create(
        env,
        'stock.move',
        copyMove(part.move, part.quantity, { picking_id: backorder.id, state: 'confirmed' }),
      );
  }
  reserveMoves(env, backorder.list('move_ids'));
}

export const openMoves = (picking: Rec) =>
  picking
    .list('move_ids')
    .filter((move) => OPEN.includes(move.str('state')) || move.str('state') === 'draft');
