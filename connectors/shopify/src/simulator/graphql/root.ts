import { type CancelInput, cancelOrder } from '../actions/cancel.js';
import { type FulfillInput, fulfill } from '../actions/fulfill.js';
import {
  type AdjustQuantitiesInput,
  adjustQuantities,
  type SetQuantitiesInput,
  type SimAdjustmentGroup,
  setQuantities,
} from '../actions/inventory.js';
import { createRefund, type RefundInput, suggestRefund } from '../actions/refund.js';
import { idOf } from '../actions/user-errors.js';
import type { SimLocation, SimOrder, SimVariant } from '../model.js';
import { gid, isoTime } from '../model.js';
import type { ShopStore } from '../store.js';
import { connection, type PageArgs } from './connection.js';
import { orderMatches } from './order-search.js';
import { compareTerm, compileSearch } from './search.js';
import {
  fulfillmentOrderView,
  fulfillmentView,
  inventoryItemView,
  locationView,
  moneyBag,
  orderView,
  refundView,
  variantView,
} from './views.js';

/**
 * The shop's identity, as `shop` answers it.
 *
 * @example
 * const shop: ShopInfo = { name: 'Waybill Demo Store', myshopifyDomain: 'waybill-demo.myshopify.com', email: 'owner@example.com', currency: 'USD' };
 */
export interface ShopInfo {
  name: string;
  myshopifyDomain: string;
  email: string;
  currency: string;
}

/**
 * The root resolvers of the simulated Admin API: queries and mutations over the store.
 *
 * @example
 * graphql({ schema: schemaFor('2025-01'), source: '{ shop { name } }', rootValue: rootResolvers(store, shop) });
 */
export function rootResolvers(store: ShopStore, shop: ShopInfo): Record<string, unknown> {
  const orderById = (id: string) => {
    const number = idOf(id, 'Order');
    return number === undefined ? undefined : store.orders.get(number);
  };
  return {
    shop: () => ({
      id: 'gid://shopify/Shop/548380009',
      name: shop.name,
      email: shop.email,
      myshopifyDomain: shop.myshopifyDomain,
      currencyCode: shop.currency,
      ianaTimezone: 'Etc/UTC',
      plan: { displayName: 'Advanced', partnerDevelopment: false, shopifyPlus: false },
    }),
    order: ({ id }: { id: string }) => {
      const order = orderById(id);
      return order ? withSuggestedRefund(store, order, orderView(store, order)) : null;
    },
    orders: (args: PageArgs & { query?: string | null; sortKey?: string; reverse?: boolean }) => {
      const matches = compileSearch<SimOrder>(args.query, (order, term) => orderMatches(store, order, term));
      const keyOf = (order: SimOrder): readonly [number, number] =>
        args.sortKey === 'UPDATED_AT'
          ? [order.updatedAt, order.id]
          : args.sortKey === 'CREATED_AT' || args.sortKey === 'PROCESSED_AT'
            ? [order.createdAt, order.id]
            : args.sortKey === 'NUMBER' || args.sortKey === 'ORDER_NUMBER'
              ? [order.number, order.id]
              : [order.id, order.id];
      const sorted = [...store.orders.values()].filter(matches).sort((a, b) => {
        const [ka, kb] = [keyOf(a), keyOf(b)];
        const order = ka[0] - kb[0] || ka[1] - kb[1];
        return args.reverse ? -order : order;
      });
      return connection(
        sorted,
        args,
        keyOf,
        (order) => withSuggestedRefund(store, order, orderView(store, order)),
        args.reverse,
      );
    },
    fulfillmentOrder: ({ id }: { id: string }) => {
      const number = idOf(id, 'FulfillmentOrder');
      const fo = number === undefined ? undefined : store.fulfillmentOrders.get(number);
      return fo ? fulfillmentOrderView(store, fo) : null;
    },
    productVariants: (args: PageArgs & { query?: string | null }) => {
      const matches = compileSearch<SimVariant>(args.query, (variant, term) => {
        if (term.field === 'sku') return compareTerm(variant.sku, term);
        if (term.field === 'product_id') return compareTerm(variant.productId, term);
        if (term.field === 'title') return compareTerm(variant.title, term);
        if (term.field === undefined)
          return (variant.sku ?? '').toLowerCase().includes(term.value.toLowerCase());
        return false;
      });
      const variants = [...store.variants.values()];
      return connection(
        variants.filter(matches).sort((a, b) => a.id - b.id),
        args,
        (v) => [v.id, v.id],
        (v) => variantView(store, v),
      );
    },
    inventoryItem: ({ id }: { id: string }) => {
      const number = idOf(id, 'InventoryItem');
      const variant = number === undefined ? undefined : store.variantByInventoryItem(number);
      return variant ? inventoryItemView(store, variant) : null;
    },
    location: ({ id }: { id?: string | null }) => {
      const number = id ? idOf(id, 'Location') : store.firstLocation().id;
      const location = number === undefined ? undefined : store.locations.get(number);
      return location ? locationView(store, location) : null;
    },
    locations: (args: PageArgs & { query?: string | null }) => {
      const all = [...store.locations.values()].filter(
        compileSearch<SimLocation>(args.query, (location, term) =>
          term.field === 'name' || term.field === undefined ? compareTerm(location.name, term) : false,
        ),
      );
      return connection(
        all,
        args,
        (location) => [location.id, location.id],
        (location) => locationView(store, location),
      );
    },
    job: ({ id }: { id: string }) => {
      const job = store.jobs.get(id);
      return job ? { id, done: job.done } : null;
    },
    fulfillmentCreate: (args: { fulfillment: FulfillInput }) => fulfillmentPayload(store, args.fulfillment),
    fulfillmentCreateV2: (args: { fulfillment: FulfillInput }) => fulfillmentPayload(store, args.fulfillment),
    inventorySetQuantities: ({ input }: { input: SetQuantitiesInput }) =>
      groupPayload(store, setQuantities(store, input)),
    inventoryAdjustQuantities: ({ input }: { input: AdjustQuantitiesInput }) =>
      groupPayload(store, adjustQuantities(store, input)),
    orderCancel: (args: CancelInput) => {
      const outcome = cancelOrder(store, args);
      if (outcome.userErrors) {
        return {
          job: null,
          orderCancelUserErrors: outcome.userErrors,
          userErrors: outcome.userErrors.map(({ field, message }) => ({ field, message })),
        };
      }
      // Shopify answers before its job has run; asking for the job later says it is done.
      return { job: { id: outcome.value.jobId, done: false }, orderCancelUserErrors: [], userErrors: [] };
    },
    refundCreate: ({ input }: { input: RefundInput }) => {
      const outcome = createRefund(store, input);
      if (outcome.userErrors)
        return {
          order: null,
          refund: null,
          userErrors: outcome.userErrors.map(({ field, message }) => ({ field, message })),
        };
      const order = store.orders.get(outcome.value.orderId);
      return {
        order: order ? orderView(store, order) : null,
        refund: refundView(store, outcome.value),
        userErrors: [],
      };
    },
  };
}

function fulfillmentPayload(store: ShopStore, input: FulfillInput) {
  const outcome = fulfill(store, input);
  if (outcome.userErrors)
    return {
      fulfillment: null,
      userErrors: outcome.userErrors.map(({ field, message }) => ({ field, message })),
    };
  return { fulfillment: fulfillmentView(store, outcome.value), userErrors: [] };
}

function groupPayload(store: ShopStore, outcome: ReturnType<typeof setQuantities>) {
  if (outcome.userErrors) return { inventoryAdjustmentGroup: null, userErrors: outcome.userErrors };
  return { inventoryAdjustmentGroup: groupView(store, outcome.value), userErrors: [] };
}

function groupView(store: ShopStore, group: SimAdjustmentGroup) {
  return {
    id: gid('InventoryAdjustmentGroup', group.id),
    createdAt: isoTime(group.createdAt),
    reason: group.reason,
    referenceDocumentUri: group.referenceDocumentUri,
    changes: ({ quantityNames }: { quantityNames?: string[] | null }) =>
      group.changes
        .filter((change) => !quantityNames || quantityNames.includes(change.name))
        .map((change) => {
          const variant = store.variantByInventoryItem(change.inventoryItemId);
          const location = store.locations.get(change.locationId);
          return {
            name: change.name,
            delta: change.delta,
            quantityAfterChange: change.quantityAfterChange,
            ledgerDocumentUri: null,
            item: variant ? inventoryItemView(store, variant) : null,
            location: location ? locationView(store, location) : null,
          };
        }),
  };
}

function withSuggestedRefund(store: ShopStore, order: SimOrder, view: Record<string, unknown>) {
  return {
    ...view,
    suggestedRefund: (args: {
      refundLineItems?: { lineItemId: string; quantity: number }[] | null;
      refundShipping?: boolean | null;
      shippingAmount?: string | null;
    }) => {
      const suggestion = suggestRefund(
        store,
        order,
        args.refundLineItems ?? [],
        args.refundShipping ?? false,
        args.shippingAmount ?? undefined,
      );
      const bag = (cents: number) => moneyBag(cents, order.currency);
      const parentOf = (id: number) => order.transactions.find((t) => t.id === id);
      return {
        amountSet: bag(suggestion.amountCents),
        subtotalSet: bag(suggestion.subtotalCents),
        totalTaxSet: bag(suggestion.taxCents),
        shipping: {
          amountSet: bag(suggestion.shippingCents),
          maximumRefundableSet: bag(suggestion.maximumShippingCents),
        },
        refundLineItems: [],
        suggestedTransactions: suggestion.transactions.map((transaction) => {
          const parent = parentOf(transaction.parentId);
          return {
            amountSet: bag(transaction.amountCents),
            gateway: transaction.gateway,
            kind: 'SUGGESTED_REFUND',
            parentTransaction: parent
              ? {
                  id: gid('OrderTransaction', parent.id),
                  kind: parent.kind,
                  status: parent.status,
                  gateway: parent.gateway,
                  amountSet: bag(parent.amountCents),
                  createdAt: isoTime(parent.createdAt),
                }
              : null,
          };
        }),
      };
    },
  };
}
