/**
 * The `page_info` cursors of a REST `Link` header, Shopify's cursor paging: each page answers with
 * `<…?limit=50&page_info=abc>; rel="next"` and, after the first, `rel="previous"`.
 *
 * @example
 * pageInfoLinks('<https://acme.myshopify.com/admin/api/2025-01/products.json?limit=2&page_info=eyJ>; rel="next"');
 * // { next: 'eyJ' }
 */
export function pageInfoLinks(header: string | undefined): { next?: string; previous?: string } {
  const links: { next?: string; previous?: string } = {};
  if (!header) return links;
  // Commas may appear inside the URL's query; split on the ", <" that starts the next link.
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match) continue;
    const [, target = '', params = ''] = match;
    const rel = /rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1]?.trim().toLowerCase();
    let pageInfo: string | null = null;
    try {
      pageInfo = new URL(target).searchParams.get('page_info');
    } catch {
      continue;
    }
    if (!pageInfo) continue;
    if (rel === 'next') links.next = pageInfo;
    if (rel === 'previous' || rel === 'prev') links.previous = pageInfo;
  }
  return links;
}
