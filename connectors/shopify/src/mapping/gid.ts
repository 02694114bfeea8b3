import { userError } from '@waybill/connector-kit';

/**
 * Shopify's global ids: GraphQL names every object `gid://shopify/<Type>/<number>`, REST and
 * webhook payloads use the bare number. Inputs accept either, so a flow can pass an id from a
 * webhook payload straight to a GraphQL operation.
 *
 * @example
 * toGid('Order', 450789469);                 // 'gid://shopify/Order/450789469'
 * toGid('Order', 'gid://shopify/Order/1');   // 'gid://shopify/Order/1'
 */
export function toGid(type: string, id: string | number): string {
  const text = String(id).trim();
  if (/^\d+$/.test(text)) return `gid://shopify/${type}/${text}`;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(text);
  if (match && match[1] === type) return text;
  throw userError({
    code: 'SHOPIFY_INVALID_ID',
    message: `"${text}" is not a Shopify ${type} id; pass the number (450789469) or the GraphQL id (gid://shopify/${type}/450789469).`,
  });
}

/**
 * The number at the end of a global id, as REST and webhook payloads carry it.
 *
 * @example
 * legacyIdOf('gid://shopify/Order/450789469'); // '450789469'
 */
export function legacyIdOf(gid: string): string {
  return /\/(\d+)(\?.*)?$/.exec(gid)?.[1] ?? gid;
}
