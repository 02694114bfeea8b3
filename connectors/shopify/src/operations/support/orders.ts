import { type Static, Type } from '@sinclair/typebox';
import { toMoney } from '../../mapping/money.js';
import { MONEY, MoneyBagSchema, nullable } from './shopify.js';

/**
 * The order selection shared by the order operations, kept within Shopify's query cost: 50 line
 * items and 10 fulfillments (about 230 points of the 1000 a query may request).
 *
 * @example
 * `query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
 */
export const ORDER_FIELDS = `
  id legacyResourceId name email createdAt updatedAt cancelledAt cancelReason closedAt
  displayFinancialStatus displayFulfillmentStatus currencyCode taxesIncluded note tags
  customer { id firstName lastName email }
  shippingAddress { name company address1 address2 city provinceCode zip countryCodeV2 phone }
  subtotalPriceSet { ${MONEY} } totalTaxSet { ${MONEY} } totalPriceSet { ${MONEY} } totalRefundedSet { ${MONEY} }
  lineItems(first: 50) { nodes { id sku name quantity currentQuantity unfulfilledQuantity refundableQuantity originalUnitPriceSet { ${MONEY} } } }
  fulfillments(first: 10) { id name status createdAt trackingInfo(first: 5) { number company url } }
`;

const text = nullable(Type.String());

/**
 * The answer to ORDER_FIELDS.
 *
 * @example
 * await shopify.query(BY_ID, { id }, Type.Object({ order: nullable(GqlOrderSchema) }));
 */
export const GqlOrderSchema = Type.Object({
  id: Type.String(),
  legacyResourceId: Type.String(),
  name: Type.String(),
  email: text,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  cancelledAt: text,
  cancelReason: text,
  closedAt: text,
  displayFinancialStatus: text,
  displayFulfillmentStatus: Type.String(),
  currencyCode: Type.String(),
  taxesIncluded: Type.Boolean(),
  note: text,
  tags: Type.Array(Type.String()),
  customer: nullable(Type.Object({ id: Type.String(), firstName: text, lastName: text, email: text })),
  shippingAddress: nullable(
    Type.Object({
      name: text,
      company: text,
      address1: text,
      address2: text,
      city: text,
      provinceCode: text,
      zip: text,
      countryCodeV2: text,
      phone: text,
    }),
  ),
  subtotalPriceSet: nullable(MoneyBagSchema),
  totalTaxSet: nullable(MoneyBagSchema),
  totalPriceSet: MoneyBagSchema,
  totalRefundedSet: MoneyBagSchema,
  lineItems: Type.Object({
    nodes: Type.Array(
      Type.Object({
        id: Type.String(),
        sku: text,
        name: Type.String(),
        quantity: Type.Integer(),
        currentQuantity: Type.Integer(),
        unfulfilledQuantity: Type.Integer(),
        refundableQuantity: Type.Integer(),
        originalUnitPriceSet: MoneyBagSchema,
      }),
    ),
  }),
  fulfillments: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      status: Type.String(),
      createdAt: Type.String(),
      trackingInfo: Type.Array(Type.Object({ number: text, company: text, url: text })),
    }),
  ),
});

type GqlOrder = Static<typeof GqlOrderSchema>;

const MoneySchema = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]{1,6})?$', description: 'A decimal amount.' });

/**
 * A fulfillment of an order, as the order operations output it.
 *
 * @example
 * const fulfillment: ShopifyFulfillment = { id: 'gid://shopify/Fulfillment/1', name: '#1001-F1', status: 'SUCCESS',
 *   createdAt: '2025-03-02T10:00:00Z', trackingNumbers: ['1Z999'], trackingCompany: 'UPS', trackingUrls: [] };
 */
export const FulfillmentOutputSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String({ description: 'SUCCESS, CANCELLED, ERROR, FAILURE, OPEN or PENDING.' }),
  createdAt: Type.String(),
  trackingNumbers: Type.Array(Type.String()),
  trackingCompany: nullable(Type.String()),
  trackingUrls: Type.Array(Type.String()),
});

/**
 * A fulfillment as output.
 *
 * @example
 * const numbers = fulfillment.trackingNumbers;
 */
export type ShopifyFulfillment = Static<typeof FulfillmentOutputSchema>;

/**
 * An order as `shopify.getOrder` outputs it: amounts as decimal strings in the shop currency,
 * ids as GraphQL ids with the legacy number beside the order's.
 *
 * @example
 * // { "id": "gid://shopify/Order/450789469", "legacyId": "450789469", "name": "#1001", "total": "409.94", ... }
 */
export const OrderOutputSchema = Type.Object({
  id: Type.String(),
  legacyId: Type.String({ description: 'The number REST and webhooks use.' }),
  name: Type.String({ description: 'e.g. "#1001".' }),
  email: nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  cancelledAt: nullable(Type.String()),
  cancelReason: nullable(Type.String()),
  closedAt: nullable(Type.String()),
  financialStatus: nullable(Type.String({ description: 'displayFinancialStatus, e.g. PAID.' })),
  fulfillmentStatus: Type.String({ description: 'displayFulfillmentStatus, e.g. UNFULFILLED.' }),
  currency: Type.String(),
  taxesIncluded: Type.Boolean(),
  note: nullable(Type.String()),
  tags: Type.Array(Type.String()),
  customer: nullable(
    Type.Object({
      id: Type.String(),
      firstName: nullable(Type.String()),
      lastName: nullable(Type.String()),
      email: nullable(Type.String()),
    }),
  ),
  shippingAddress: nullable(
    Type.Object({
      name: nullable(Type.String()),
      company: nullable(Type.String()),
      address1: nullable(Type.String()),
      address2: nullable(Type.String()),
      city: nullable(Type.String()),
      provinceCode: nullable(Type.String()),
      zip: nullable(Type.String()),
      countryCode: nullable(Type.String()),
      phone: nullable(Type.String()),
    }),
  ),
  subtotal: MoneySchema,
  totalTax: MoneySchema,
  total: MoneySchema,
  totalRefunded: MoneySchema,
  lineItems: Type.Array(
    Type.Object({
      id: Type.String(),
      sku: nullable(Type.String()),
      name: Type.String(),
      quantity: Type.Integer({ description: 'As ordered.' }),
      currentQuantity: Type.Integer({ description: 'After removals and refunds.' }),
      unfulfilledQuantity: Type.Integer(),
      refundableQuantity: Type.Integer(),
      unitPrice: MoneySchema,
    }),
  ),
  fulfillments: Type.Array(FulfillmentOutputSchema),
});

/**
 * An order as output.
 *
 * @example
 * const name: string = order.name;
 */
export type ShopifyOrder = Static<typeof OrderOutputSchema>;

/**
 * The output of an order read with ORDER_FIELDS.
 *
 * @example
 * const order = orderOutput(answer.order);
 */
export function orderOutput(order: GqlOrder): ShopifyOrder {
  const address = order.shippingAddress;
  return {
    id: order.id,
    legacyId: order.legacyResourceId,
    name: order.name,
    email: order.email,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    closedAt: order.closedAt,
    financialStatus: order.displayFinancialStatus,
    fulfillmentStatus: order.displayFulfillmentStatus,
    currency: order.currencyCode,
    taxesIncluded: order.taxesIncluded,
    note: order.note,
    tags: order.tags,
    customer: order.customer,
    shippingAddress: address
      ? {
          name: address.name,
          company: address.company,
          address1: address.address1,
          address2: address.address2,
          city: address.city,
          provinceCode: address.provinceCode,
          zip: address.zip,
          countryCode: address.countryCodeV2,
          phone: address.phone,
        }
      : null,
    subtotal: amount(order.subtotalPriceSet),
    totalTax: amount(order.totalTaxSet),
    total: amount(order.totalPriceSet),
    totalRefunded: amount(order.totalRefundedSet),
    lineItems: order.lineItems.nodes.map((item) => ({
      id: item.id,
      sku: item.sku,
      name: item.name,
      quantity: item.quantity,
      currentQuantity: item.currentQuantity,
      unfulfilledQuantity: item.unfulfilledQuantity,
      refundableQuantity: item.refundableQuantity,
      unitPrice: amount(item.originalUnitPriceSet),
    })),
    fulfillments: order.fulfillments.map(fulfillmentOutput),
  };
}

/**
 * A fulfillment with its tracking flattened.
 *
 * @example
 * fulfillmentOutput({ id: 'gid://shopify/Fulfillment/1', name: '#1001-F1', status: 'SUCCESS', createdAt: '…',
 *   trackingInfo: [{ number: '1Z999', company: 'UPS', url: null }] }).trackingNumbers; // ['1Z999']
 */
export function fulfillmentOutput(fulfillment: GqlOrder['fulfillments'][number]): ShopifyFulfillment {
  return {
    id: fulfillment.id,
    name: fulfillment.name,
    status: fulfillment.status,
    createdAt: fulfillment.createdAt,
    trackingNumbers: fulfillment.trackingInfo.flatMap((info) => (info.number ? [info.number] : [])),
    trackingCompany: fulfillment.trackingInfo.find((info) => info.company)?.company ?? null,
    trackingUrls: fulfillment.trackingInfo.flatMap((info) => (info.url ? [info.url] : [])),
  };
}

/**
 * A MoneyBag's shop amount as a decimal string; absent counts as zero.
 *
 * @example
 * amount({ shopMoney: { amount: '409.9', currencyCode: 'USD' } }); // '409.90'
 */
export function amount(bag: Static<typeof MoneyBagSchema> | null): string {
  return toMoney(bag?.shopMoney.amount) ?? '0.00';
}
