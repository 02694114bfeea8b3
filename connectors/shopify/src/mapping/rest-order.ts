import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * The REST shape of a Shopify order, as webhooks (orders/create, orders/updated) and the REST API
 * deliver it: only the members the canonical mapping reads, each as loose as Shopify sends it
 * (ids as numbers, amounts as strings, absent or null alike). Other members pass through.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const IdSchema = Type.Union([Type.Integer(), Type.String({ minLength: 1 })]);
const AmountSchema = Type.Union([Type.String(), Type.Number()]);

/**
 * An address of a REST order (shipping_address, billing_address, customer.default_address).
 *
 * @example
 * const address: RestAddress = { address1: 'Chestnut Street 92', city: 'Louisville', province_code: 'KY', zip: '40202', country_code: 'US' };
 */
export const RestAddressSchema = Type.Object({
  name: nullable(Type.String()),
  first_name: nullable(Type.String()),
  last_name: nullable(Type.String()),
  company: nullable(Type.String()),
  address1: nullable(Type.String()),
  address2: nullable(Type.String()),
  city: nullable(Type.String()),
  province_code: nullable(Type.String()),
  zip: nullable(Type.String()),
  country_code: nullable(Type.String()),
  phone: nullable(Type.String()),
});

/**
 * A REST order address.
 *
 * @example
 * const address: RestAddress = { address1: 'Chestnut Street 92', city: 'Louisville', country_code: 'US' };
 */
export type RestAddress = Static<typeof RestAddressSchema>;

const TaxLineSchema = Type.Object({
  title: nullable(Type.String()),
  rate: nullable(Type.Number()),
  price: nullable(AmountSchema),
});

/**
 * A line item of a REST order.
 *
 * @example
 * const line: RestLineItem = { id: 466157049, sku: 'IPOD2008GREEN', title: 'IPod Nano - 8gb', quantity: 1, price: '199.00' };
 */
export const RestLineItemSchema = Type.Object({
  id: IdSchema,
  sku: nullable(Type.String()),
  title: nullable(Type.String()),
  name: nullable(Type.String()),
  quantity: Type.Integer({ minimum: 0 }),
  price: AmountSchema,
  total_discount: nullable(AmountSchema),
  discount_allocations: nullable(Type.Array(Type.Object({ amount: AmountSchema }))),
  tax_lines: nullable(Type.Array(TaxLineSchema)),
});

/**
 * A REST order line item.
 *
 * @example
 * const line: RestLineItem = { id: 1, sku: 'SKU-1001', quantity: 2, price: '2.40' };
 */
export type RestLineItem = Static<typeof RestLineItemSchema>;

/**
 * A Shopify order in the REST shape (a webhook body, or `order` of a REST answer).
 *
 * @example
 * const order: RestOrder = JSON.parse(readFileSync('fixtures/order-webhook.json', 'utf8'));
 */
export const RestOrderSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String({ minLength: 1, description: 'The order name, e.g. "#1001".' }),
    created_at: nullable(Type.String()),
    currency: Type.String({ minLength: 3, maxLength: 3 }),
    taxes_included: nullable(Type.Boolean()),
    email: nullable(Type.String()),
    contact_email: nullable(Type.String()),
    phone: nullable(Type.String()),
    note: nullable(Type.String()),
    po_number: nullable(Type.String()),
    tags: nullable(Type.String()),
    source_name: nullable(Type.String()),
    financial_status: nullable(Type.String()),
    fulfillment_status: nullable(Type.String()),
    customer: nullable(
      Type.Object({
        id: IdSchema,
        first_name: nullable(Type.String()),
        last_name: nullable(Type.String()),
        email: nullable(Type.String()),
        phone: nullable(Type.String()),
      }),
    ),
    shipping_address: nullable(RestAddressSchema),
    billing_address: nullable(RestAddressSchema),
    line_items: Type.Array(RestLineItemSchema, { minItems: 1 }),
    shipping_lines: nullable(
      Type.Array(
        Type.Object({
          title: nullable(Type.String()),
          code: nullable(Type.String()),
          price: nullable(AmountSchema),
        }),
      ),
    ),
    subtotal_price: nullable(AmountSchema),
    total_discounts: nullable(AmountSchema),
    total_tax: nullable(AmountSchema),
    total_price: nullable(AmountSchema),
  },
  { description: 'A Shopify order as a webhook or the REST API delivers it.' },
);

/**
 * A Shopify order in the REST shape.
 *
 * @example
 * const order: RestOrder = { id: 1, name: '#1001', currency: 'USD', line_items: [{ id: 2, sku: 'SKU-1001', quantity: 1, price: '2.40' }] };
 */
export type RestOrder = Static<typeof RestOrderSchema>;
