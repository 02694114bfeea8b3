import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { connectorError, defineOperation } from '@waybill/connector-kit';
import { toMoney } from '../mapping/money.js';
import { nullable, restFor, SHOPIFY_CREDENTIAL } from './support/shopify.js';

const RestProductsSchema = Type.Object({
  products: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      handle: Type.String(),
      status: Type.String(),
      vendor: nullable(Type.String()),
      product_type: nullable(Type.String()),
      updated_at: Type.String(),
      variants: Type.Array(
        Type.Object({
          id: Type.Integer(),
          sku: nullable(Type.String()),
          title: Type.String(),
          price: Type.String(),
          inventory_item_id: Type.Integer(),
          inventory_quantity: Type.Optional(nullable(Type.Integer())),
        }),
      ),
    }),
  ),
});

/**
 * One product of `shopify.listProducts`.
 *
 * @example
 * // { "id": "632910392", "title": "IPod Nano - 8GB", "status": "active",
 * //   "variants": [{ "id": "39072856", "sku": "IPOD2008GREEN", "price": "199.00", "inventoryItemId": "39072856", "inventoryQuantity": 25 }] }
 */
export const ListedProductSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  handle: Type.String(),
  status: Type.String({ description: 'active, draft or archived.' }),
  vendor: nullable(Type.String()),
  productType: nullable(Type.String()),
  updatedAt: Type.String(),
  variants: Type.Array(
    Type.Object({
      id: Type.String(),
      sku: nullable(Type.String()),
      title: Type.String(),
      price: Type.String(),
      inventoryItemId: Type.String(),
      inventoryQuantity: nullable(Type.Integer({ description: 'Available units summed over locations.' })),
    }),
  ),
});

/**
 * `shopify.listProducts`: lists products with their variants (SKU, price, inventory item) through
 * the REST Admin API (`GET /admin/api/<version>/products.json`), following the `Link` header's
 * `page_info` cursor for up to `maxPages` pages. REST keeps its own leaky bucket (40 requests,
 * 2 per second per shop): the operation keeps to that rate, and a 429 is waited out as its
 * `Retry-After` says. One call per page.
 *
 * @example
 * { "id": "catalog", "type": "shopify.listProducts", "credential": "shopify-acme", "config": { "status": "active", "limit": 250 } }
 */
export const listProductsOperation = defineOperation({
  type: 'shopify.listProducts',
  title: 'List products',
  description: 'Lists Shopify products and their variants (SKU, price, inventory item), page by page.',
  icon: 'package',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  rateLimit: { requests: 2, perSeconds: 1, burst: 40 },
  configSchema: Type.Object(
    {
      limit: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 250, default: 50, description: 'Products per page.' }),
      ),
      maxPages: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
      status: Type.Optional(
        Type.Union([Type.Literal('active'), Type.Literal('draft'), Type.Literal('archived')], {
          description: 'Only products with this status; all when absent.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      updatedSince: Type.Optional(
        Type.String({ format: 'date-time', description: 'Only products updated at or after.' }),
      ),
      pageInfo: Type.Optional(
        Type.String({ minLength: 1, description: 'The nextPageInfo of an earlier run.' }),
      ),
    },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({
    products: Type.Array(ListedProductSchema),
    pages: Type.Integer(),
    nextPageInfo: nullable(
      Type.String({ description: 'Where the next run goes on; null after the last page.' }),
    ),
  }),
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const rest = restFor(ctx);
    const limit = String(ctx.config.limit ?? 50);
    // Shopify refuses filters beside page_info: a resumed listing carries only the cursor.
    const query: Record<string, string> = ctx.input.pageInfo
      ? { limit, page_info: ctx.input.pageInfo }
      : {
          limit,
          ...(ctx.config.status ? { status: ctx.config.status } : {}),
          ...(ctx.input.updatedSince
            ? { updated_at_min: new Date(ctx.input.updatedSince).toISOString() }
            : {}),
        };
    const products: Static<typeof ListedProductSchema>[] = [];
    let pages = 0;
    let next: string | undefined;
    for await (const page of rest.pages('products.json', query, ctx.config.maxPages ?? 10)) {
      pages += 1;
      next = page.next;
      if (!Value.Check(RestProductsSchema, page.body)) {
        throw connectorError({
          code: 'INVALID_RESPONSE',
          message: `Shopify at ${rest.host} answered products.json with a body the connector does not understand; check the credential's API version.`,
          retryable: false,
        });
      }
      for (const product of page.body.products) {
        products.push({
          id: String(product.id),
          title: product.title,
          handle: product.handle,
          status: product.status,
          vendor: product.vendor,
          productType: product.product_type,
          updatedAt: product.updated_at,
          variants: product.variants.map((variant) => ({
            id: String(variant.id),
            sku: variant.sku,
            title: variant.title,
            price: toMoney(variant.price) ?? variant.price,
            inventoryItemId: String(variant.inventory_item_id),
            inventoryQuantity: variant.inventory_quantity ?? null,
          })),
        });
      }
    }
    return { products, pages, nextPageInfo: next ?? null };
  },
});
