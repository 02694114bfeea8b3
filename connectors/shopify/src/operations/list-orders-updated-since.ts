import { type Static, Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { amount } from './support/orders.js';
import { graphqlFor, MONEY, MoneyBagSchema, nullable, SHOPIFY_CREDENTIAL } from './support/shopify.js';

const QUERY = `query WaybillOrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id legacyResourceId name email createdAt updatedAt cancelledAt
      displayFinancialStatus displayFulfillmentStatus currencyCode totalPriceSet { ${MONEY} }
    }
  }
}`;

const AnswerSchema = Type.Object({
  orders: Type.Object({
    pageInfo: Type.Object({ hasNextPage: Type.Boolean(), endCursor: nullable(Type.String()) }),
    nodes: Type.Array(
      Type.Object({
        id: Type.String(),
        legacyResourceId: Type.String(),
        name: Type.String(),
        email: nullable(Type.String()),
        createdAt: Type.String(),
        updatedAt: Type.String(),
        cancelledAt: nullable(Type.String()),
        displayFinancialStatus: nullable(Type.String()),
        displayFulfillmentStatus: Type.String(),
        currencyCode: Type.String(),
        totalPriceSet: MoneyBagSchema,
      }),
    ),
  }),
});

/**
 * Output of `shopify.listOrdersUpdatedSince`.
 *
 * @example
 * // { "orders": [{ "id": "gid://shopify/Order/1", "name": "#1001", "updatedAt": "2025-03-02T10:00:00Z", ... }],
 * //   "pages": 1, "hasMore": false, "endCursor": "eyJ…", "lastUpdatedAt": "2025-03-02T10:00:00Z" }
 */
export const ListOrdersOutputSchema = Type.Object({
  orders: Type.Array(
    Type.Object({
      id: Type.String(),
      legacyId: Type.String(),
      name: Type.String(),
      email: nullable(Type.String()),
      createdAt: Type.String(),
      updatedAt: Type.String(),
      cancelledAt: nullable(Type.String()),
      financialStatus: nullable(Type.String()),
      fulfillmentStatus: Type.String(),
      currency: Type.String(),
      total: Type.String(),
    }),
    { description: 'Oldest change first; read one with shopify.getOrder for its lines.' },
  ),
  pages: Type.Integer({ description: 'Pages read.' }),
  hasMore: Type.Boolean({ description: 'True when the page limit stopped the listing before its end.' }),
  endCursor: nullable(Type.String({ description: 'Pass as `after` to go on where this run stopped.' })),
  lastUpdatedAt: nullable(
    Type.String({ description: 'updatedAt of the last order listed: the `since` of the next run.' }),
  ),
});

/**
 * `shopify.listOrdersUpdatedSince`: lists the orders created or changed since a time
 * (`updated_at:>='<since>'`), oldest change first, following the connection's cursor
 * (`pageInfo.endCursor`) for up to `maxPages` pages. A run that stops at the page limit says so
 * (`hasMore`) and hands back the cursor to continue from. One call per page, about
 * 2 + 4 × pageSize query points.
 *
 * @example
 * { "id": "changed", "type": "shopify.listOrdersUpdatedSince", "credential": "shopify-acme", "config": { "pageSize": 50, "maxPages": 4 } }
 * // input: { "since": "2025-03-01T00:00:00Z" }
 */
export const listOrdersUpdatedSinceOperation = defineOperation({
  type: 'shopify.listOrdersUpdatedSince',
  title: 'List orders updated since',
  description: 'Lists the Shopify orders created or changed since a time, oldest change first, page by page.',
  icon: 'list',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object(
    {
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, default: 50 })),
      maxPages: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'Pages read per run at most.' }),
      ),
      query: Type.Optional(
        Type.String({
          description: 'More Shopify search terms ANDed with the time, e.g. "financial_status:paid".',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      since: Type.String({ format: 'date-time', description: 'Orders updated at or after this instant.' }),
      after: Type.Optional(
        Type.String({ minLength: 1, description: 'A cursor from an earlier run to resume at.' }),
      ),
    },
    { additionalProperties: false },
  ),
  outputSchema: ListOrdersOutputSchema,
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const shopify = graphqlFor(ctx);
    const first = ctx.config.pageSize ?? 50;
    const maxPages = ctx.config.maxPages ?? 10;
    const extra = ctx.config.query?.trim();
    const query = `updated_at:>='${new Date(ctx.input.since).toISOString()}'${extra ? ` AND (${extra})` : ''}`;
    const orders: Static<typeof ListOrdersOutputSchema>['orders'] = [];
    let after: string | null = ctx.input.after ?? null;
    let pages = 0;
    let hasNextPage = true;
    while (hasNextPage && pages < maxPages) {
      const answer = await shopify.query(QUERY, { first, after, query }, AnswerSchema);
      pages += 1;
      for (const node of answer.orders.nodes) {
        orders.push({
          id: node.id,
          legacyId: node.legacyResourceId,
          name: node.name,
          email: node.email,
          createdAt: node.createdAt,
          updatedAt: node.updatedAt,
          cancelledAt: node.cancelledAt,
          financialStatus: node.displayFinancialStatus,
          fulfillmentStatus: node.displayFulfillmentStatus,
          currency: node.currencyCode,
          total: amount(node.totalPriceSet),
        });
      }
      hasNextPage = answer.orders.pageInfo.hasNextPage;
      after = answer.orders.pageInfo.endCursor ?? after;
    }
    return {
      orders,
      pages,
      hasMore: hasNextPage,
      endCursor: after,
      lastUpdatedAt: orders.at(-1)?.updatedAt ?? null,
    };
  },
});
