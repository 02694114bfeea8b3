import type { Rec } from '../orm/records.js';
import { record, search } from '../orm/records.js';
import type { Env, Row } from '../orm/types.js';

/** Moves still expected to happen: these make up incoming / outgoing (forecast) quantities. */
export const OPEN_MOVE_STATES = ['waiting', 'confirmed', 'partially_available', 'assigned'];

/**
 * The internal locations a stock figure covers, following Odoo's context keys: `location` (id, ids or name)
 * wins over `warehouse` (id, ids or name); with neither, every warehouse of the company.
 */
export function contextLocations(env: Env): Set<number> {
  const roots = locationRoots(env);
  const all = search(env, 'stock.location', [['usage', '=', 'internal']], {});
  if (roots === undefined) return new Set(all.map((location) => location.id));
  return new Set(all.filter((location) => isUnder(location, roots)).map((location) => location.id));
}

function locationRoots(env: Env): Set<number> | undefined {
  const location = env.context.location;
  if (location !== undefined && location !== false && location !== null) {
    return new Set(resolve(env, 'stock.location', location, 'complete_name'));
  }
  const warehouse = env.context.warehouse ?? env.context.warehouse_id;
  if (warehouse !== undefined && warehouse !== false && warehouse !== null) {
    const warehouses = resolve(env, 'stock.warehouse', warehouse, 'name');
    return new Set(
      warehouses.flatMap((id) => record(env, 'stock.warehouse', id).m2o('view_location_id') || []),
    );
  }
  return undefined;
}

function resolve(env: Env, model: string, value: unknown, nameField: string): number[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    if (typeof item === 'number') return [item];
    if (typeof item === 'string')
      return search(env, model, [[nameField, 'ilike', item]]).map((found) => found.id);
    return [];
  });
}

export function isUnder(location: Rec, roots: Set<number>): boolean {
  for (let current: Rec | undefined = location; current; current = current.rel('location_id')) {
    if (roots.has(current.id)) return true;
  }
  return false;
}

export interface StockFigures {
  qtyAvailable: number;
  freeQty: number;
  incoming: number;
  outgoing: number;
}

/** On-hand, free and forecast quantities of a product variant over the context's locations. */
export function stockFigures(env: Env, productId: number): StockFigures {
  const locations = contextLocations(env);
  const figures: StockFigures = { qtyAvailable: 0, freeQty: 0, incoming: 0, outgoing: 0 };
  for (const quant of search(env, 'stock.quant', [['product_id', '=', productId]])) {
    if (!locations.has(Number(quant.m2o('location_id')))) continue;
    figures.qtyAvailable += quant.num('quantity');
    figures.freeQty += quant.num('quantity') - quant.num('reserved_quantity');
  }
  const moves = search(env, 'stock.move', [
    ['product_id', '=', productId],
    ['state', 'in', OPEN_MOVE_STATES],
  ]);
  for (const move of moves) {
    const from = locations.has(Number(move.m2o('location_id')));
    const to = locations.has(Number(move.m2o('location_dest_id')));
    if (to && !from) figures.incoming += move.num('product_qty');
    if (from && !to) figures.outgoing += move.num('product_qty');
  }
  return figures;
}

type Figure = keyof StockFigures | 'virtual';

const pick = (figures: StockFigures, figure: Figure) =>
  figure === 'virtual' ? figures.qtyAvailable + figures.incoming - figures.outgoing : figures[figure];

/** A compute for product.product quantity fields. */
export const variantFigure = (figure: Figure) => (env: Env, row: Row) =>
  pick(stockFigures(env, row.id), figure);

/** The same figure summed over a template's variants. */
export const templateFigure = (figure: Figure) => (env: Env, row: Row) =>
  search(env, 'product.product', [['product_tmpl_id', '=', row.id]]).reduce(
    (sum, variant) => sum + pick(stockFigures(env, variant.id), figure),
    0,
  );
