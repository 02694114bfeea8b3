import { buildSchema, type GraphQLSchema } from 'graphql';
import { OBJECT_TYPES } from './schema-types.js';

/**
 * The simulated Admin GraphQL schema for one API version: 2025-01 names, with
 * `fulfillmentCreate` only from 2024-10 (before it, only `fulfillmentCreateV2`, which later
 * versions keep as deprecated).
 */

const INPUTS = /* GraphQL */ `
input FulfillmentOrderLineItemInput { id: ID! quantity: Int! }
input FulfillmentOrderLineItemsInput { fulfillmentOrderId: ID! fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!] }
input FulfillmentTrackingInput { number: String url: URL company: String numbers: [String!] urls: [URL!] }
input FulfillmentOriginAddressInput { address1: String address2: String city: String zip: String provinceCode: String countryCode: String! }
input FulfillmentInput { lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]! notifyCustomer: Boolean = false originAddress: FulfillmentOriginAddressInput trackingInfo: FulfillmentTrackingInput }
input FulfillmentV2Input { lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]! notifyCustomer: Boolean = false originAddress: FulfillmentOriginAddressInput trackingInfo: FulfillmentTrackingInput }
input InventoryQuantityInput { inventoryItemId: ID! locationId: ID! quantity: Int! compareQuantity: Int }
input InventorySetQuantitiesInput { name: String! reason: String! referenceDocumentUri: String ignoreCompareQuantity: Boolean = false quantities: [InventoryQuantityInput!]! }
input InventoryChangeInput { delta: Int! inventoryItemId: ID! locationId: ID! ledgerDocumentUri: String }
input InventoryAdjustQuantitiesInput { name: String! reason: String! referenceDocumentUri: String changes: [InventoryChangeInput!]! }
input RefundLineItemInput { lineItemId: ID! quantity: Int! restockType: RefundLineItemRestockType = RETURN locationId: ID }
input ShippingRefundInput { amount: Money fullRefund: Boolean }
input OrderTransactionInput { amount: Money! gateway: String! kind: OrderTransactionKind! orderId: ID! parentId: ID }
input RefundInput { orderId: ID! note: String notify: Boolean currency: CurrencyCode refundLineItems: [RefundLineItemInput!] shipping: ShippingRefundInput transactions: [OrderTransactionInput!] }
`;

const PAYLOADS = /* GraphQL */ `
type FulfillmentCreatePayload { fulfillment: Fulfillment userErrors: [UserError!]! }
type FulfillmentCreateV2Payload { fulfillment: Fulfillment userErrors: [UserError!]! }
enum InventorySetQuantitiesUserErrorCode { COMPARE_QUANTITY_REQUIRED COMPARE_QUANTITY_STALE INVALID_INVENTORY_ITEM INVALID_LOCATION INVALID_NAME INVALID_QUANTITY_NEGATIVE INVALID_QUANTITY_TOO_HIGH INVALID_QUANTITY_TOO_LOW INVALID_REASON INVALID_REFERENCE_DOCUMENT ITEM_NOT_STOCKED_AT_LOCATION NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR NON_MUTABLE_INVENTORY_ITEM }
type InventorySetQuantitiesUserError { code: InventorySetQuantitiesUserErrorCode field: [String!] message: String! }
type InventorySetQuantitiesPayload { inventoryAdjustmentGroup: InventoryAdjustmentGroup userErrors: [InventorySetQuantitiesUserError!]! }
enum InventoryAdjustQuantitiesUserErrorCode { INVALID_AVAILABLE_DOCUMENT INVALID_INVENTORY_ITEM INVALID_LEDGER_DOCUMENT INVALID_LOCATION INVALID_QUANTITY_DOCUMENT INVALID_QUANTITY_NAME INVALID_QUANTITY_TOO_HIGH INVALID_QUANTITY_TOO_LOW INVALID_REASON INVALID_REFERENCE_DOCUMENT ITEM_NOT_STOCKED_AT_LOCATION MAX_ONE_LEDGER_DOCUMENT NON_MUTABLE_INVENTORY_ITEM INVALID_NAME }
type InventoryAdjustQuantitiesUserError { code: InventoryAdjustQuantitiesUserErrorCode field: [String!] message: String! }
type InventoryAdjustQuantitiesPayload { inventoryAdjustmentGroup: InventoryAdjustmentGroup userErrors: [InventoryAdjustQuantitiesUserError!]! }
enum OrderCancelUserErrorCode { INVALID NOT_FOUND NO_REFUND_PERMISSION }
type OrderCancelUserError { code: OrderCancelUserErrorCode field: [String!] message: String! }
type OrderCancelPayload { job: Job orderCancelUserErrors: [OrderCancelUserError!]! userErrors: [UserError!]! }
type RefundCreatePayload { order: Order refund: Refund userErrors: [UserError!]! }
`;

const ROOTS = (withFulfillmentCreate: boolean) => /* GraphQL */ `
type QueryRoot {
  shop: Shop!
  order(id: ID!): Order
  orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false): OrderConnection!
  fulfillmentOrder(id: ID!): FulfillmentOrder
  productVariants(first: Int, after: String, last: Int, before: String, query: String): ProductVariantConnection!
  inventoryItem(id: ID!): InventoryItem
  location(id: ID): Location
  locations(first: Int, after: String, last: Int, before: String, query: String): LocationConnection!
  job(id: ID!): Job
}
type Mutation {
  ${withFulfillmentCreate ? 'fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload' : ''}
  fulfillmentCreateV2(fulfillment: FulfillmentV2Input!, message: String): FulfillmentCreateV2Payload
  inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
  inventoryAdjustQuantities(input: InventoryAdjustQuantitiesInput!): InventoryAdjustQuantitiesPayload
  orderCancel(orderId: ID!, reason: OrderCancelReason!, refund: Boolean!, restock: Boolean!, notifyCustomer: Boolean = false, staffNote: String): OrderCancelPayload
  refundCreate(input: RefundInput!): RefundCreatePayload
}
schema { query: QueryRoot mutation: Mutation }
`;

const cache = new Map<boolean, GraphQLSchema>();

/**
 * The schema served for an API version.
 *
 * @example
 * const schema = schemaFor('2025-01');
 */
export function schemaFor(version: string): GraphQLSchema {
  const withFulfillmentCreate = version === 'unstable' || version >= '2024-10';
  let schema = cache.get(withFulfillmentCreate);
  if (!schema) {
    schema = buildSchema(`${OBJECT_TYPES}${INPUTS}${PAYLOADS}${ROOTS(withFulfillmentCreate)}`);
    cache.set(withFulfillmentCreate, schema);
  }
  return schema;
}
