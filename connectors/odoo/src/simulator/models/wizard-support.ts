import { create, type Rec, roundMoney } from '../orm/records.js';
import type { Env, Vals } from '../orm/types.js';

// Helpers shared by the accounting wizards: the records they act on and how settlements are booked.
export const activeIds = (env: Env): number[] => {
  const ids =
    env.context.active_ids ?? (typeof env.context.active_id === 'number' ? [env.context.active_id] : []);
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
};

export const storedIds = (wizard: Rec): number[] => {
  const ids = wizard.row.__move_ids;
  return Array.isArray(ids) ? ids : [];
};

export function allocate(env: Env, moveId: number, amount: number, link: Vals): void {
  if (amount > 0.0049)
    create(env, 'sim.allocation', { move_id: moveId, amount: roundMoney(amount), ...link });
}
