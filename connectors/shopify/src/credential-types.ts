import { Type } from '@sinclair/typebox';
import { defineCredentialType, type TypedCredential } from '@waybill/connector-kit';
import { createShopifyGraphqlClient, type ShopifyConnection } from './client/graphql-client.js';
import { apiVersionOf, shopBaseUrl } from './shop-url.js';

/**
 * A custom app's Admin API access: the shop, the app's Admin API access token (sent as
 * `X-Shopify-Access-Token`), the API version, and the app's client secret, which Shopify signs
 * webhook deliveries with. The shop is reached only through the kit's HTTP client, so the
 * simulator on 127.0.0.1 needs its host in the credential record's allowed hosts.
 *
 * @example
 * const credential = { id: 'shopify-acme', type: 'shopify-admin', allowedHosts: [],
 *   values: { shop: 'acme.myshopify.com', accessToken: 'shpat_…', apiVersion: '2025-01', webhookSecret: '…' } };
 */
export const shopifyAdmin = defineCredentialType({
  type: 'shopify-admin',
  title: 'Shopify Admin API',
  description: "A custom app's Admin API access token for one shop, and its client secret for webhooks.",
  fields: [
    {
      name: 'shop',
      label: 'Shop',
      secret: false,
      required: true,
      description:
        'The shop domain (acme.myshopify.com) or its URL; the simulator takes http://127.0.0.1:<port>.',
    },
    {
      name: 'accessToken',
      label: 'Admin API access token',
      secret: true,
      required: true,
      description: 'Starts with shpat_; shown once when the custom app is installed.',
    },
    {
      name: 'apiVersion',
      label: 'API version',
      secret: false,
      required: false,
      description:
        'A quarterly release such as 2025-01 (the default); keep it within the year Shopify supports it.',
    },
    {
      name: 'webhookSecret',
      label: 'Webhook secret (client secret)',
      secret: true,
      required: false,
      description:
        "The app's client secret, which signs webhook deliveries; needed by the Shopify webhook trigger.",
    },
  ],
  async test({ id, values, http, signal }) {
    const { shop, accessToken, apiVersion } = values;
    if (!shop || !accessToken) {
      return { ok: false, message: 'Fill in the shop and the Admin API access token, then test again.' };
    }
    const connection: ShopifyConnection = {
      credentialId: id,
      baseUrl: shopBaseUrl(shop),
      accessToken,
      apiVersion: apiVersionOf(apiVersion),
    };
    const shopify = createShopifyGraphqlClient(http, connection, { signal, timeoutMs: 15_000 });
    const { shop: answer } = await shopify.query(SHOP_QUERY, {}, ShopAnswerSchema);
    return {
      ok: true,
      message: `Shopify shop "${answer.name}" (${answer.myshopifyDomain}) accepted the access token on API version ${connection.apiVersion}.`,
    };
  },
});

const SHOP_QUERY = 'query WaybillCredentialTest { shop { name myshopifyDomain } }';
const ShopAnswerSchema = Type.Object({
  shop: Type.Object({ name: Type.String(), myshopifyDomain: Type.String() }),
});

/**
 * Every credential type the Shopify connector accepts.
 *
 * @example
 * shopifyCredentialTypes.map((credentialType) => credentialType.type); // ['shopify-admin']
 */
export const shopifyCredentialTypes = [shopifyAdmin] as const;

/**
 * A Shopify credential as an operation sees it.
 *
 * @example
 * const credential: ShopifyCredential = { id: 'shopify', type: 'shopify-admin', values: { shop: 'acme', accessToken: 't' }, allowedHosts: [] };
 */
export type ShopifyCredential = TypedCredential<typeof shopifyAdmin>;

/**
 * The connection a credential describes, with the shop and API version checked.
 *
 * @example
 * connectionOf({ id: 'shopify', type: 'shopify-admin', values: { shop: 'acme', accessToken: 't' }, allowedHosts: [] });
 * // { credentialId: 'shopify', baseUrl: 'https://acme.myshopify.com', accessToken: 't', apiVersion: '2025-01' }
 */
export function connectionOf(credential: ShopifyCredential): ShopifyConnection {
  const { shop, accessToken, apiVersion } = credential.values;
  return {
    credentialId: credential.id,
    baseUrl: shopBaseUrl(shop),
    accessToken,
    apiVersion: apiVersionOf(apiVersion),
  };
}
