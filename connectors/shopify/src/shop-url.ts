import { userError } from '@waybill/connector-kit';

/**
 * The API version the connector asks for when the credential names none. Shopify supports each
 * quarterly version for a year; a newer one is chosen per credential.
 *
 * @example
 * `/admin/api/${DEFAULT_API_VERSION}/graphql.json`; // '/admin/api/2025-01/graphql.json'
 */
export const DEFAULT_API_VERSION = '2025-01';

const VERSION_PATTERN = /^(\d{4}-(01|04|07|10)|unstable)$/;
const SHOP_HANDLE = /^[a-z0-9][a-z0-9-]*$/i;

/**
 * The shop's base URL from what a person types into the credential: a handle (`acme`), a domain
 * (`acme.myshopify.com`), or a full URL (`https://acme.myshopify.com`, or the simulator's
 * `http://127.0.0.1:8081`). Paths, queries and a trailing slash are dropped.
 *
 * @example
 * shopBaseUrl('acme');                          // 'https://acme.myshopify.com'
 * shopBaseUrl('acme.myshopify.com/admin');      // 'https://acme.myshopify.com'
 * shopBaseUrl('http://127.0.0.1:8081/');        // 'http://127.0.0.1:8081'
 */
export function shopBaseUrl(shop: string): string {
  const text = shop.trim();
  const candidate = /^https?:\/\//i.test(text)
    ? text
    : SHOP_HANDLE.test(text)
      ? `https://${text}.myshopify.com`
      : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (url.hostname === '') throw new Error('no host');
    return url.origin;
  } catch {
    throw userError({
      code: 'SHOPIFY_INVALID_SHOP',
      message: `The credential's shop "${text}" is not a shop domain or URL; enter it as acme.myshopify.com or https://acme.myshopify.com.`,
    });
  }
}

/**
 * The API version of a credential, checked: `YYYY-MM` for a quarterly release or `unstable`.
 *
 * @example
 * apiVersionOf(undefined);  // '2025-01'
 * apiVersionOf('2025-04');  // '2025-04'
 */
export function apiVersionOf(version: string | undefined): string {
  const text = version?.trim() ?? '';
  if (text === '') return DEFAULT_API_VERSION;
  if (!VERSION_PATTERN.test(text)) {
    throw userError({
      code: 'SHOPIFY_INVALID_API_VERSION',
      message: `The credential's API version "${text}" is not a Shopify API version; use a quarterly release such as 2025-01 or 2025-04.`,
    });
  }
  return text;
}

/**
 * Whether `version` is the same release as `since` or a later one (`unstable` is the latest).
 *
 * @example
 * versionAtLeast('2025-01', '2024-10'); // true
 */
export function versionAtLeast(version: string, since: string): boolean {
  if (version === 'unstable') return true;
  return version >= since;
}
