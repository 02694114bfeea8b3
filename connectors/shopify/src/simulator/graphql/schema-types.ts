/**
 * The object types of the simulated Admin GraphQL API (2025-01 names and nullability), only the
 * fields the connector and its tests use plus their close neighbours.
 *
 * @example
 * buildSchema(`${OBJECT_TYPES}${INPUTS}${PAYLOADS}${ROOTS}`);
 */
export const OBJECT_TYPES = /* GraphQL */ `
scalar DateTime
scalar Decimal
scalar Money
scalar URL
scalar UnsignedInt64

enum CurrencyCode { USD EUR GBP CAD AUD JPY CHF SEK DKK NOK PLN }
enum CountryCode { US CA MX GB IE DE AT CH FR BE NL LU ES PT IT DK SE NO FI PL CZ AU NZ JP }
enum ProductStatus { ACTIVE ARCHIVED DRAFT }
enum OrderSortKeys { CREATED_AT CUSTOMER_NAME FINANCIAL_STATUS FULFILLMENT_STATUS ID NUMBER ORDER_NUMBER PROCESSED_AT RELEVANCE TOTAL_PRICE UPDATED_AT }
enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
enum OrderDisplayFulfillmentStatus { FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT RESTOCKED SCHEDULED UNFULFILLED REQUEST_DECLINED }
enum FulfillmentOrderStatus { CANCELLED CLOSED INCOMPLETE IN_PROGRESS ON_HOLD OPEN SCHEDULED }
enum FulfillmentOrderAction { CANCEL_FULFILLMENT_ORDER CREATE_FULFILLMENT EXTERNAL HOLD MOVE RELEASE_HOLD REQUEST_CANCELLATION REQUEST_FULFILLMENT SPLIT }
enum FulfillmentStatus { CANCELLED ERROR FAILURE OPEN PENDING SUCCESS }
enum OrderTransactionKind { AUTHORIZATION CAPTURE CHANGE EMV_AUTHORIZATION REFUND SALE SUGGESTED_REFUND VOID }
enum OrderTransactionStatus { AWAITING_RESPONSE ERROR FAILURE PENDING SUCCESS UNKNOWN }
enum SuggestedOrderTransactionKind { SUGGESTED_REFUND }
enum RefundLineItemRestockType { CANCEL LEGACY_RESTOCK NO_RESTOCK RETURN }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
type UserError { field: [String!] message: String! }
type Job { id: ID! done: Boolean! }

type ShopPlan { displayName: String! partnerDevelopment: Boolean! shopifyPlus: Boolean! }
type Shop { id: ID! name: String! email: String! myshopifyDomain: String! currencyCode: CurrencyCode! ianaTimezone: String! plan: ShopPlan! }

type MailingAddress {
  id: ID name: String firstName: String lastName: String company: String address1: String address2: String
  city: String province: String provinceCode: String zip: String country: String countryCodeV2: CountryCode phone: String
}
type Customer { id: ID! legacyResourceId: UnsignedInt64! firstName: String lastName: String displayName: String! email: String phone: String defaultAddress: MailingAddress }

type TaxLine { title: String! rate: Float ratePercentage: Float priceSet: MoneyBag! }
type LineItem {
  id: ID! name: String! title: String! variantTitle: String sku: String quantity: Int! currentQuantity: Int!
  unfulfilledQuantity: Int! refundableQuantity: Int! requiresShipping: Boolean! taxLines(first: Int): [TaxLine!]!
  originalUnitPriceSet: MoneyBag! discountedTotalSet: MoneyBag! totalDiscountSet: MoneyBag! variant: ProductVariant
}
type LineItemEdge { cursor: String! node: LineItem! }
type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }

type OrderTransaction {
  id: ID! kind: OrderTransactionKind! status: OrderTransactionStatus! gateway: String amountSet: MoneyBag!
  parentTransaction: OrderTransaction createdAt: DateTime! processedAt: DateTime
}
type FulfillmentTrackingInfo { number: String company: String url: URL }
type FulfillmentLineItem { id: ID! quantity: Int lineItem: LineItem! }
type FulfillmentLineItemEdge { cursor: String! node: FulfillmentLineItem! }
type FulfillmentLineItemConnection { edges: [FulfillmentLineItemEdge!]! nodes: [FulfillmentLineItem!]! pageInfo: PageInfo! }
type Fulfillment {
  id: ID! legacyResourceId: UnsignedInt64! name: String! status: FulfillmentStatus! createdAt: DateTime! updatedAt: DateTime!
  trackingInfo(first: Int): [FulfillmentTrackingInfo!]! location: Location order: Order!
  fulfillmentLineItems(first: Int, after: String, last: Int, before: String): FulfillmentLineItemConnection!
}

type FulfillmentOrderSupportedAction { action: FulfillmentOrderAction! }
type FulfillmentOrderAssignedLocation { name: String! location: Location }
type FulfillmentOrderLineItem { id: ID! totalQuantity: Int! remainingQuantity: Int! sku: String lineItem: LineItem! }
type FulfillmentOrderLineItemEdge { cursor: String! node: FulfillmentOrderLineItem! }
type FulfillmentOrderLineItemConnection { edges: [FulfillmentOrderLineItemEdge!]! nodes: [FulfillmentOrderLineItem!]! pageInfo: PageInfo! }
type FulfillmentOrder {
  id: ID! status: FulfillmentOrderStatus! orderId: ID! order: Order! createdAt: DateTime! updatedAt: DateTime!
  assignedLocation: FulfillmentOrderAssignedLocation! supportedActions: [FulfillmentOrderSupportedAction!]!
  lineItems(first: Int, after: String, last: Int, before: String): FulfillmentOrderLineItemConnection!
}
type FulfillmentOrderEdge { cursor: String! node: FulfillmentOrder! }
type FulfillmentOrderConnection { edges: [FulfillmentOrderEdge!]! nodes: [FulfillmentOrder!]! pageInfo: PageInfo! }

type RefundLineItem { id: ID lineItem: LineItem! quantity: Int! restockType: RefundLineItemRestockType! restocked: Boolean! location: Location subtotalSet: MoneyBag! }
type RefundLineItemEdge { cursor: String! node: RefundLineItem! }
type RefundLineItemConnection { edges: [RefundLineItemEdge!]! nodes: [RefundLineItem!]! pageInfo: PageInfo! }
type OrderTransactionEdge { cursor: String! node: OrderTransaction! }
type OrderTransactionConnection { edges: [OrderTransactionEdge!]! nodes: [OrderTransaction!]! pageInfo: PageInfo! }
type Refund {
  id: ID! legacyResourceId: UnsignedInt64! createdAt: DateTime note: String totalRefundedSet: MoneyBag! order: Order!
  refundLineItems(first: Int, after: String, last: Int, before: String): RefundLineItemConnection!
  transactions(first: Int, after: String, last: Int, before: String): OrderTransactionConnection!
}
type ShippingRefund { amountSet: MoneyBag! maximumRefundableSet: MoneyBag! }
type SuggestedOrderTransaction { amountSet: MoneyBag! gateway: String kind: SuggestedOrderTransactionKind! parentTransaction: OrderTransaction }
type SuggestedRefund {
  amountSet: MoneyBag! subtotalSet: MoneyBag! totalTaxSet: MoneyBag! shipping: ShippingRefund!
  refundLineItems: [RefundLineItem!]! suggestedTransactions: [SuggestedOrderTransaction!]!
}

type Order {
  id: ID! legacyResourceId: UnsignedInt64! name: String! email: String phone: String
  createdAt: DateTime! updatedAt: DateTime! processedAt: DateTime! cancelledAt: DateTime cancelReason: OrderCancelReason closedAt: DateTime closed: Boolean!
  displayFinancialStatus: OrderDisplayFinancialStatus displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
  currencyCode: CurrencyCode! taxesIncluded: Boolean! note: String tags: [String!]! sourceName: String
  customer: Customer shippingAddress: MailingAddress billingAddress: MailingAddress
  subtotalPriceSet: MoneyBag totalPriceSet: MoneyBag! totalTaxSet: MoneyBag totalDiscountsSet: MoneyBag
  totalShippingPriceSet: MoneyBag! totalRefundedSet: MoneyBag! totalReceivedSet: MoneyBag!
  lineItems(first: Int, after: String, last: Int, before: String): LineItemConnection!
  fulfillmentOrders(first: Int, after: String, last: Int, before: String, query: String): FulfillmentOrderConnection!
  fulfillments(first: Int): [Fulfillment!]!
  refunds(first: Int): [Refund!]!
  transactions(first: Int): [OrderTransaction!]!
  suggestedRefund(refundLineItems: [RefundLineItemInput!], refundShipping: Boolean, shippingAmount: Money, suggestFullRefund: Boolean = false): SuggestedRefund
}
type OrderEdge { cursor: String! node: Order! }
type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }

type Product { id: ID! legacyResourceId: UnsignedInt64! title: String! handle: String! status: ProductStatus! vendor: String! productType: String! createdAt: DateTime! updatedAt: DateTime! }
type ProductVariant {
  id: ID! legacyResourceId: UnsignedInt64! title: String! displayName: String! sku: String price: Money!
  inventoryQuantity: Int product: Product! inventoryItem: InventoryItem!
}
type ProductVariantEdge { cursor: String! node: ProductVariant! }
type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }

type InventoryQuantity { id: ID! name: String! quantity: Int! updatedAt: DateTime }
type InventoryLevel { id: ID! updatedAt: DateTime! location: Location! item: InventoryItem! quantities(names: [String!]!): [InventoryQuantity!]! }
type InventoryLevelEdge { cursor: String! node: InventoryLevel! }
type InventoryLevelConnection { edges: [InventoryLevelEdge!]! nodes: [InventoryLevel!]! pageInfo: PageInfo! }
type InventoryItem {
  id: ID! legacyResourceId: UnsignedInt64! sku: String tracked: Boolean! variant: ProductVariant!
  inventoryLevel(locationId: ID!): InventoryLevel
  inventoryLevels(first: Int, after: String, last: Int, before: String): InventoryLevelConnection!
}
type Location { id: ID! legacyResourceId: UnsignedInt64! name: String! isActive: Boolean! inventoryLevel(inventoryItemId: ID!): InventoryLevel }
type LocationEdge { cursor: String! node: Location! }
type LocationConnection { edges: [LocationEdge!]! nodes: [Location!]! pageInfo: PageInfo! }

type InventoryChange { name: String! delta: Int! quantityAfterChange: Int ledgerDocumentUri: String item: InventoryItem location: Location }
type InventoryAdjustmentGroup {
  id: ID! createdAt: DateTime! reason: String! referenceDocumentUri: String
  changes(inventoryItemIds: [ID!], locationIds: [ID!], quantityNames: [String!]): [InventoryChange!]!
}
`;
