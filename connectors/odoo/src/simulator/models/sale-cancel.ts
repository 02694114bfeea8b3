import { browse, type Rec } from '../orm/records.js';
import type { Env, ModelDef } from '../orm/types.js';
import { many2one } from './fields.js';
import { cancelMoves } from './stock-logic.js';

/** `_action_cancel`: draft invoices and undelivered pickings are cancelled with the order. */
export function cancelOrders(env: Env, orders: Rec[]): true {
  for (const so of orders) {
    for (const invoice of so.list('invoice_ids'))
      if (invoice.str('state') === 'draft') invoice.write({ state: 'cancel' });
    for (const picking of so.list('picking_ids')) {
      if (picking.str('state') === 'done') continue;
      cancelMoves(
        env,
        picking.list('move_ids').filter((move) => move.str('state') !== 'cancel'),
      );
    }
    so.write({ state: 'cancel' });
  }
  return true;
}

export const saleOrderCancel: ModelDef = {
  name: 'sale.order.cancel',
  description: 'Sales Order Cancel',
  order: 'id',
  transient: true,
  fields: { order_id: many2one('sale.order', 'Sale Order', { required: true, ondelete: 'cascade' }) },
  methods: {
    action_cancel: {
      access: { operation: 'write', model: 'sale.order' },
      params: [],
      run: (env, ids) =>
        cancelOrders(
          env,
          browse(env, 'sale.order.cancel', ids).flatMap((wizard) => wizard.rel('order_id') ?? []),
        ),
    },
  },
};
