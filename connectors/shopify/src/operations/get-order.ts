import { Type } from '@sinclair/typebox';
import { defineOperation, routeTo, userError } from '@waybill/connector-kit';
import { toGid } from '../mapping/gid.js';
import { GqlOrderSchema, ORDER_FIELDS, OrderOutputSchema, orderOutput } from './support/orders.js';
import { graphqlFor, idInput, nullable, SHOPIFY_CREDENTIAL } from './support/shopify.js';

const BY_ID = `query WaybillOrderById($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const BY_NAME = `query WaybillOrderByName($query: String!) { orders(first: 1, query: $query) { nodes { ${ORDER_FIELDS} } } }`;

/**
 * Input of `shopify.getOrder`: the order id, or its name as customers see it.
 *
 * @example
 * const input = { name: '#1001' };
 */
export const GetOrderInputSchema = Type.Object(
  {
    id: Type.Optional(idInput('Order')),
    name: Type.Optional(Type.String({ minLength: 1, description: 'The order name, e.g. "#1001".' })),
  },
  { additionalProperties: false, description: 'Give the id or the name.' },
);

/**
 * `shopify.getOrder`: reads one order with its line items and fulfillments, by id or by name
 * (`orders(query: "name:#1001")`). An order Shopify does not have goes to `notFound`. One call.
 *
 * @example
 * { "id": "order", "type": "shopify.getOrder", "credential": "shopify-acme", "config": {} }
 * // input: { "name": "#1001" } → port found, { "id": "gid://shopify/Order/450789469", "name": "#1001", ... }
 */
export const getOrderOperation = defineOperation({
  type: 'shopify.getOrder',
  title: 'Get order',
  description: 'Reads a Shopify order with its line items and fulfillments, by id or by name.',
  icon: 'shopping-bag',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: GetOrderInputSchema,
  outputSchema: Type.Union([OrderOutputSchema, Type.Object({ found: Type.Literal(false) })]),
  outputs: ['found', 'notFound'],
  defaultPort: 'found',
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const { id, name } = ctx.input;
    const shopify = graphqlFor(ctx);
    if (id !== undefined) {
      const answer = await shopify.query(
        BY_ID,
        { id: toGid('Order', id) },
        Type.Object({ order: nullable(GqlOrderSchema) }),
      );
      return answer.order
        ? routeTo('found', orderOutput(answer.order))
        : routeTo('notFound', { found: false as const });
    }
    if (name === undefined) {
      throw userError({
        code: 'SHOPIFY_ORDER_NOT_NAMED',
        message: 'shopify.getOrder needs the order id or its name (e.g. "#1001") in its input.',
      });
    }
    const answer = await shopify.query(
      BY_NAME,
      { query: `name:${searchValue(name)}` },
      Type.Object({ orders: Type.Object({ nodes: Type.Array(GqlOrderSchema) }) }),
    );
    // The search matches names loosely ("1001" finds "#1001"); keep only the exact order.
    const order = answer.orders.nodes.find((node) => sameName(node.name, name));
    return order ? routeTo('found', orderOutput(order)) : routeTo('notFound', { found: false as const });
  },
});

/**
 * A value for Shopify's search syntax, quoted when it holds spaces or quotes.
 *
 * @example
 * searchValue('#1001');      // '#1001'
 * searchValue('Big order');  // '"Big order"'
 */
export function searchValue(value: string): string {
  const text = value.trim();
  return /[\s"':()]/.test(text) ? `"${text.replace(/(["\\])/g, '\\$1')}"` : text;
}

function sameName(candidate: string, wanted: string): boolean {
  const bare = (text: string) => text.trim().replace(/^#/, '').toLowerCase();
  return bare(candidate) === bare(wanted);
}
