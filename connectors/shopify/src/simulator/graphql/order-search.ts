import type { SimOrder } from '../model.js';
import { isoTime } from '../model.js';
import { financialStatus, fulfillmentStatus } from '../order-math.js';
import type { ShopStore } from '../store.js';
import { compareTerm, type SearchTerm } from './search.js';

/**
 * Whether an order matches one term of an `orders(query:)` search: name (with or without #),
 * email, updated_at, created_at, id, tag, financial_status, fulfillment_status
 * (shipped / unshipped / partial), status (open / closed / cancelled), or free text.
 *
 * @example
 * orderMatches(store, order, { field: 'name', op: ':', value: '#1001' }); // true for order #1001
 */
export function orderMatches(store: ShopStore, order: SimOrder, typed: SearchTerm): boolean {
  const term = typed;
  switch (term.field) {
    case 'name':
      return order.name.replace(/^#/, '').toLowerCase() === term.value.replace(/^#/, '').toLowerCase();
    case 'email':
      return compareTerm(order.email, typed);
    case 'updated_at':
      return compareTerm(isoTime(order.updatedAt), typed);
    case 'created_at':
      return compareTerm(isoTime(order.createdAt), typed);
    case 'id':
      return typed.op === ':' ? String(order.id) === term.value : compareTerm(order.id, typed);
    case 'tag':
      return order.tags.some((tag) => tag.toLowerCase() === term.value.toLowerCase());
    case 'financial_status':
      return financialStatus(order).toLowerCase() === term.value.toLowerCase();
    case 'fulfillment_status': {
      const status = fulfillmentStatus(
        order,
        order.fulfillmentOrderIds.flatMap((id) => store.fulfillmentOrders.get(id) ?? []),
      );
      const wanted = term.value.toLowerCase();
      return wanted === 'shipped'
        ? status === 'FULFILLED'
        : wanted === 'unshipped'
          ? status === 'UNFULFILLED'
          : status.toLowerCase() === wanted;
    }
    case 'status':
      return term.value === 'cancelled'
        ? order.cancelledAt !== null
        : term.value === 'closed'
          ? order.closedAt !== null
          : term.value === 'open'
            ? order.closedAt === null
            : false;
    case undefined:
      return (
        order.name.toLowerCase().includes(term.value.toLowerCase()) ||
        (order.email ?? '').includes(term.value.toLowerCase())
      );
    default:
      return false;
  }
}
