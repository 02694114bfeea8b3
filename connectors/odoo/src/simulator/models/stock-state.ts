import { record, search } from '../orm/records.js';
import type { Env, Row } from '../orm/types.js';

/**
 * stock.picking's state, derived from its moves the way Odoo's `_compute_state` does: cancelled moves only
 * count when nothing else is left, and "As soon as possible" pickings are ready once anything is reserved.
 */
export function pickingState(env: Env, row: Row): string {
  const moves = search(env, 'stock.move', [['picking_id', '=', row.id]]);
  if (moves.length === 0) return 'draft';
  const states = moves.map((move) => move.str('state'));
  if (states.every((state) => state === 'cancel')) return 'cancel';
  if (states.every((state) => state === 'cancel' || state === 'done')) return 'done';
  if (states.some((state) => state === 'draft')) return 'draft';
  const open = states.filter((state) => state !== 'cancel' && state !== 'done');
  const ready = (state: string) => state === 'assigned' || state === 'partially_available';
  const moveType = record(env, 'stock.picking', row.id).str('move_type') || 'direct';
  if (moveType === 'direct' ? open.some(ready) : open.every((state) => state === 'assigned'))
    return 'assigned';
  return open.every((state) => state === 'waiting') ? 'waiting' : 'confirmed';
}
