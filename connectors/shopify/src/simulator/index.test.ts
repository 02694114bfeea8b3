import { describe, expect, it } from 'vitest';
import { compareTerm, compileSearch } from './graphql/search.js';
import { createShopifySimulator } from './simulator.js';

/** The simulator's protocol answers, in process (`app.request`), in Shopify's documented shapes. */

/** The value at a path of parsed JSON, or undefined. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.entries(current).find(([name]) => name === key)?.[1];
  }
  return current;
}

const graphql = (
  sim: ReturnType<typeof createShopifySimulator>,
  query: string,
  options: { version?: string; token?: string; variables?: unknown } = {},
) =>
  sim.app.request(`/admin/api/${options.version ?? '2025-01'}/graphql.json`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-access-token': options.token ?? sim.accessToken,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });

describe('the simulated Admin GraphQL API', () => {
  it('answers with the data and the cost extension Shopify sends', async () => {
    const sim = createShopifySimulator();
    const response = await graphql(sim, '{ orders(first: 10) { nodes { id customer { id } } } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-shopify-api-version')).toBe('2025-01');
    const body: unknown = await response.json();
    expect(at(body, 'data', 'orders', 'nodes')).toHaveLength(5);
    expect(at(body, 'extensions', 'cost')).toEqual({
      requestedQueryCost: 22,
      actualQueryCost: 12,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 988, restoreRate: 50 },
    });
  });

  it("answers THROTTLED in Shopify's shape when the bucket cannot pay the requested cost", async () => {
    const sim = createShopifySimulator({ graphqlBucket: { restoreRate: 0 } });
    sim.setGraphqlBucket({ currentlyAvailable: 5 });
    const response = await graphql(sim, '{ orders(first: 10) { nodes { id } } }');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Throttled',
          extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 12,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 5, restoreRate: 0 },
        },
      },
    });
  });

  it("answers 401 with Shopify's body for a wrong token and 404 for a version that is not one", async () => {
    const sim = createShopifySimulator();
    const unauthorized = await graphql(sim, '{ shop { name } }', { token: 'shpat_wrong' });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
    const missing = await graphql(sim, '{ shop { name } }', { version: 'v2' });
    expect(missing.status).toBe(404);
  });

  it('serves fulfillmentCreate from 2024-10 and only fulfillmentCreateV2 before', async () => {
    const sim = createShopifySimulator();
    const mutation =
      'mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [] }) { userErrors { message } } }';
    const current: unknown = await (await graphql(sim, mutation)).json();
    const old: unknown = await (await graphql(sim, mutation, { version: '2024-07' })).json();
    expect(current).toMatchObject({
      data: { fulfillmentCreate: { userErrors: [{ message: 'No fulfillment order was given.' }] } },
    });
    expect(old).toMatchObject({
      errors: [
        {
          message:
            'Cannot query field "fulfillmentCreate" on type "Mutation". Did you mean "fulfillmentCreateV2"?',
        },
      ],
    });
  });

  it('pages a connection with opaque cursors and pageInfo', async () => {
    const sim = createShopifySimulator();
    const query =
      'query ($after: String) { orders(first: 2, after: $after, sortKey: CREATED_AT) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } }';
    const page = async (after: unknown): Promise<unknown> =>
      at(await (await graphql(sim, query, { variables: { after } })).json(), 'data', 'orders');
    const first = await page(null);
    const second = await page(at(first, 'pageInfo', 'endCursor'));
    const third = await page(at(second, 'pageInfo', 'endCursor'));
    const names = (connection: unknown) => {
      const nodes = at(connection, 'nodes');
      return Array.isArray(nodes) ? nodes.map((node) => at(node, 'name')) : [];
    };
    expect([first, second, third].map(names)).toEqual([['#1001', '#1002'], ['#1003', '#1004'], ['#1005']]);
    expect(at(third, 'pageInfo')).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('the simulated REST Admin API', () => {
  it('sends the Link header with rel="next" and the call limit header', async () => {
    const sim = createShopifySimulator();
    const response = await sim.app.request('http://127.0.0.1:9/admin/api/2025-01/products.json?limit=3', {
      headers: { 'x-shopify-access-token': sim.accessToken },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-shopify-shop-api-call-limit')).toBe('1/40');
    expect(response.headers.get('link')).toMatch(
      /^<http:\/\/127\.0\.0\.1:9\/admin\/api\/2025-01\/products\.json\?limit=3&page_info=[A-Za-z0-9_-]+>; rel="next"$/,
    );
  });
});

describe("the simulator's search syntax", () => {
  const match = (query: string, record: { sku: string; updated: string }) =>
    compileSearch<typeof record>(query, (item, term) =>
      term.field === 'sku'
        ? compareTerm(item.sku, term)
        : term.field === 'updated_at'
          ? compareTerm(item.updated, term)
          : false,
    )(record);

  it('reads quoted values, comparisons, OR, AND, NOT and parentheses', () => {
    const record = { sku: 'SKU-1001', updated: '2025-03-02T10:00:00Z' };
    expect(match('sku:"SKU-1001"', record)).toBe(true);
    expect(match("updated_at:>='2025-03-01T00:00:00Z' AND (sku:SKU-1002 OR sku:SKU-1001)", record)).toBe(
      true,
    );
    expect(match("updated_at:<'2025-03-01T00:00:00Z'", record)).toBe(false);
    expect(match('NOT sku:SKU-1001', record)).toBe(false);
    expect(match('-sku:SKU-1002', record)).toBe(true);
    expect(match('sku:SKU-10*', record)).toBe(true);
  });
});
