import { type TSchema, Type } from '@sinclair/typebox';
import type { BoundHttpClient, LogLine } from '@waybill/connector-kit';
import type { ShopifyGraphqlClient } from '../../client/graphql-client.js';
import type { ShopifyRestClient } from '../../client/rest-client.js';
import { createShopifyGraphqlClient, createShopifyRestClient } from '../../client.js';
import { connectionOf, type ShopifyCredential, shopifyCredentialTypes } from '../../credential-types.js';

/**
 * What every Shopify operation declares as its credential: the Admin API type, required.
 *
 * @example
 * defineOperation({ ..., credential: SHOPIFY_CREDENTIAL, run: async (ctx) => graphqlFor(ctx).query(…) });
 */
export const SHOPIFY_CREDENTIAL = { types: shopifyCredentialTypes, required: true } as const;

interface ShopifyContext {
  http: BoundHttpClient;
  credential: ShopifyCredential;
  signal?: AbortSignal;
  log?: (line: LogLine) => void;
}

/**
 * The GraphQL client for an operation's context; its throttle waits are logged to the step.
 *
 * @example
 * const shopify = graphqlFor(ctx);
 */
export function graphqlFor(ctx: ShopifyContext): ShopifyGraphqlClient {
  return createShopifyGraphqlClient(ctx.http, connectionOf(ctx.credential), {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.log ? { log: ctx.log } : {}),
  });
}

/**
 * The REST client for an operation's context.
 *
 * @example
 * const rest = restFor(ctx);
 */
export function restFor(ctx: ShopifyContext): ShopifyRestClient {
  return createShopifyRestClient(ctx.http, connectionOf(ctx.credential));
}

/**
 * A schema that also takes null, as GraphQL's nullable fields answer.
 *
 * @example
 * const CancelledAtSchema = nullable(Type.String());
 */
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * An id input that takes the number of a webhook payload or the GraphQL global id.
 *
 * @example
 * const OrderIdSchema = idInput('Order');
 */
export const idInput = (type: string) =>
  Type.Union(
    [Type.Integer({ minimum: 1 }), Type.String({ pattern: `^(\\d+|gid://shopify/${type}/\\d+)$` })],
    {
      description: `The ${type} id: the number (as in webhooks) or the GraphQL id gid://shopify/${type}/<number>.`,
    },
  );

/**
 * `shopMoney` of a GraphQL MoneyBag, as answered.
 *
 * @example
 * const TotalSchema = Type.Object({ totalPriceSet: MoneyBagSchema });
 */
export const MoneyBagSchema = Type.Object({
  shopMoney: Type.Object({ amount: Type.String(), currencyCode: Type.String() }),
});

/**
 * The selection matching MoneyBagSchema.
 *
 * @example
 * `totalPriceSet { ${MONEY} }`;
 */
export const MONEY = 'shopMoney { amount currencyCode }';

/**
 * A GraphQL `userErrors` list as answered.
 *
 * @example
 * const PayloadSchema = Type.Object({ fulfillmentCreate: Type.Object({ userErrors: UserErrorsSchema }) });
 */
export const UserErrorsSchema = Type.Array(
  Type.Object({
    field: Type.Optional(nullable(Type.Array(Type.String()))),
    message: Type.String(),
    code: Type.Optional(nullable(Type.String())),
  }),
);
