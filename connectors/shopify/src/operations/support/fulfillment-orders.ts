import { type Static, Type } from '@sinclair/typebox';
import { userError } from '@waybill/connector-kit';
import { nullable } from './shopify.js';

/**
 * The fulfillment order selection createFulfillment works from.
 *
 * @example
 * `fulfillmentOrder(id: $id) { ${FULFILLMENT_ORDER_FIELDS} }`;
 */
export const FULFILLMENT_ORDER_FIELDS = `
  id status
  assignedLocation { name location { id } }
  lineItems(first: 50) { nodes { id remainingQuantity lineItem { id sku } } }
`;

/**
 * The answer to FULFILLMENT_ORDER_FIELDS.
 *
 * @example
 * Type.Object({ fulfillmentOrder: nullable(GqlFulfillmentOrderSchema) });
 */
export const GqlFulfillmentOrderSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  assignedLocation: Type.Object({
    name: Type.String(),
    location: nullable(Type.Object({ id: Type.String() })),
  }),
  lineItems: Type.Object({
    nodes: Type.Array(
      Type.Object({
        id: Type.String(),
        remainingQuantity: Type.Integer(),
        lineItem: Type.Object({ id: Type.String(), sku: nullable(Type.String()) }),
      }),
    ),
  }),
});

type GqlFulfillmentOrder = Static<typeof GqlFulfillmentOrderSchema>;

/**
 * One wanted line of a fulfillment: a SKU or an order line item id, and how many.
 *
 * @example
 * const wanted: WantedLine = { sku: 'SKU-1001', quantity: 2 };
 */
export interface WantedLine {
  sku?: string;
  /** gid://shopify/LineItem/<n>. */
  lineItemId?: string;
  quantity: number;
}

/**
 * `lineItemsByFulfillmentOrder` of a fulfillmentCreate input.
 *
 * @example
 * const pick: FulfillmentPick = [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1', fulfillmentOrderLineItems: [{ id: 'gid://shopify/FulfillmentOrderLineItem/7', quantity: 2 }] }];
 */
export type FulfillmentPick = {
  fulfillmentOrderId: string;
  fulfillmentOrderLineItems?: { id: string; quantity: number }[];
}[];

const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

/**
 * Chooses what to fulfill from an order's fulfillment orders: everything still open, or the
 * wanted lines taken from the open fulfillment order lines that match them, oldest first. One
 * fulfillment ships from one location, so the choice must not span two; a wanted quantity that is
 * not open any more is a user error naming the SKU.
 *
 * @example
 * pickFulfillmentLines(fulfillmentOrders, [{ sku: 'SKU-1001', quantity: 2 }]);
 * // [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1', fulfillmentOrderLineItems: [{ id: '…/7', quantity: 2 }] }]
 */
export function pickFulfillmentLines(
  fulfillmentOrders: readonly GqlFulfillmentOrder[],
  wanted: readonly WantedLine[] | undefined,
): FulfillmentPick {
  const open = fulfillmentOrders.filter(
    (order) =>
      FULFILLABLE.has(order.status) && order.lineItems.nodes.some((line) => line.remainingQuantity > 0),
  );
  let pick: FulfillmentPick;
  if (!wanted || wanted.length === 0) {
    pick = open.map((order) => ({ fulfillmentOrderId: order.id }));
  } else {
    const taken = new Map<string, Map<string, number>>();
    for (const line of wanted) {
      let missing = line.quantity;
      for (const order of open) {
        for (const item of order.lineItems.nodes) {
          if (missing === 0) break;
          const matches = line.lineItemId
            ? item.lineItem.id === line.lineItemId
            : item.lineItem.sku === line.sku;
          const already = taken.get(order.id)?.get(item.id) ?? 0;
          const free = item.remainingQuantity - already;
          if (!matches || free <= 0) continue;
          const quantity = Math.min(free, missing);
          const lines = taken.get(order.id) ?? new Map<string, number>();
          lines.set(item.id, already + quantity);
          taken.set(order.id, lines);
          missing -= quantity;
        }
      }
      if (missing > 0) {
        const what = line.sku ? `SKU ${line.sku}` : `line item ${line.lineItemId}`;
        throw userError({
          code: 'SHOPIFY_NOTHING_TO_FULFILL',
          message: `Only ${line.quantity - missing} of the ${line.quantity} units of ${what} are still open to fulfill on this order; check the quantities or the SKU.`,
        });
      }
    }
    pick = [...taken].map(([fulfillmentOrderId, lines]) => ({
      fulfillmentOrderId,
      fulfillmentOrderLineItems: [...lines].map(([id, quantity]) => ({ id, quantity })),
    }));
  }
  if (pick.length === 0) {
    throw userError({
      code: 'SHOPIFY_NOTHING_TO_FULFILL',
      message:
        'The order has nothing left to fulfill (its fulfillment orders are closed, on hold or cancelled).',
    });
  }
  const locations = new Set(
    pick.map((chosen) => open.find((order) => order.id === chosen.fulfillmentOrderId)?.assignedLocation.name),
  );
  if (locations.size > 1) {
    throw userError({
      code: 'SHOPIFY_FULFILLMENT_SPANS_LOCATIONS',
      message: `The items to fulfill are assigned to ${[...locations].join(' and ')}; one fulfillment ships from one location, so name the fulfillmentOrderId or the lines of one location.`,
    });
  }
  return pick;
}
