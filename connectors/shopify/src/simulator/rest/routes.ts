import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { LeakyBucket } from '../buckets.js';
import type { FailureInjector } from '../failures.js';
import type { SimCall } from '../graphql/handler.js';
import type { ShopInfo } from '../graphql/root.js';
import { restProduct } from '../rest-payloads.js';
import type { ShopStore } from '../store.js';

/**
 * What the REST routes need.
 *
 * @example
 * const deps: RestDeps = { store, shop, bucket, failures, accessToken: 'shpat_sim', record };
 */
export interface RestDeps {
  store: ShopStore;
  shop: ShopInfo;
  bucket: LeakyBucket;
  failures: FailureInjector;
  accessToken: string;
  record(call: SimCall): void;
}

const INVALID_TOKEN = '[API] Invalid API key or access token (unrecognized login or wrong password)';
const TOO_MANY =
  'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.';
const VERSION = /^(\d{4}-(01|04|07|10)|unstable)$/;

/**
 * The REST Admin endpoints the connector uses, under `/admin/api/:version/`: `products.json`
 * (cursor paging with `page_info` in the Link header, `limit` up to 250, `status`,
 * `updated_at_min`, `ids`) and `shop.json`. Every request goes through the leaky bucket (40,
 * leaking 2/s): a full bucket answers 429 with Retry-After; each answer carries
 * X-Shopify-Shop-Api-Call-Limit.
 *
 * @example
 * app.route('/', restRoutes(() => deps));
 */
export function restRoutes(current: () => RestDeps): Hono {
  const routes = new Hono();
  routes.use('/admin/api/:version/*', async (c, next) => {
    const deps = current();
    const version = c.req.param('version') ?? '';
    const path = new URL(c.req.url).pathname;
    const answer = (body: unknown, status: ContentfulStatusCode, headers: Record<string, string> = {}) => {
      deps.record({
        api: 'rest',
        operations: [path],
        status,
        throttled: status === 429,
        at: deps.store.now(),
      });
      return c.json(body, status, {
        'x-request-id': randomUUID(),
        'x-shopify-api-version': version,
        ...headers,
      });
    };
    if (!VERSION.test(version)) return answer({ errors: 'Not Found' }, 404);
    if (c.req.header('x-shopify-access-token') !== deps.accessToken)
      return answer({ errors: INVALID_TOKEN }, 401);
    const failure = deps.failures.take({ api: 'rest', operations: [path] });
    if (failure?.kind === 'timeout') {
      await deps.failures.hang(c.req.raw.signal, failure.hangMs ?? 60_000);
      return answer({ errors: 'Gateway Timeout' }, 504);
    }
    if (failure?.kind === 'http-500' || failure?.kind === 'http-503') {
      return failure.kind === 'http-500'
        ? answer({ errors: 'Internal Server Error' }, 500)
        : answer({ errors: 'Service Unavailable' }, 503);
    }
    const slot = failure?.kind === 'http-429' || failure?.kind === 'throttle' ? undefined : deps.bucket.add();
    if (!slot?.ok) {
      const retryAfter = failure?.retryAfterSeconds ?? (slot && !slot.ok ? slot.retryAfterSeconds : 2);
      return answer({ errors: TOO_MANY }, 429, {
        'retry-after': retryAfter.toFixed(1),
        'x-shopify-shop-api-call-limit': `${deps.bucket.capacity}/${deps.bucket.capacity}`,
      });
    }
    await next();
    c.header('x-shopify-shop-api-call-limit', `${slot.used}/${deps.bucket.capacity}`);
    c.header('x-shopify-api-version', version);
    deps.record({
      api: 'rest',
      operations: [path],
      status: c.res.status,
      throttled: false,
      at: deps.store.now(),
    });
  });

  routes.get('/admin/api/:version/shop.json', (c) => {
    const deps = current();
    return c.json({
      shop: {
        id: 548380009,
        name: deps.shop.name,
        email: deps.shop.email,
        myshopify_domain: deps.shop.myshopifyDomain,
        currency: deps.shop.currency,
        iana_timezone: 'Etc/UTC',
      },
    });
  });

  routes.get('/admin/api/:version/products.json', (c) => {
    const deps = current();
    const url = new URL(c.req.url);
    const query = url.searchParams;
    if (query.has('page')) return c.json({ errors: { page: 'page cannot be passed.' } }, 400);
    const limitText = query.get('limit') ?? '50';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 250) {
      return c.json({ errors: { limit: 'limit must be between 1 and 250' } }, 400);
    }
    const pageInfo = query.get('page_info');
    let cursor: ProductCursor = { lastId: 0, direction: 'next', filters: filtersOf(query) };
    if (pageInfo) {
      const others = [...query.keys()].filter(
        (key) => key !== 'page_info' && key !== 'limit' && key !== 'fields',
      );
      if (others.length > 0) {
        return c.json({ errors: { page_info: 'page_info cannot be combined with other parameters.' } }, 400);
      }
      const decoded = decodeCursor(pageInfo);
      if (!decoded) return c.json({ errors: { page_info: 'Invalid value.' } }, 400);
      cursor = decoded;
    }
    const matching = [...deps.store.products.values()]
      .filter((product) => matchesFilters(product, cursor.filters))
      .sort((a, b) => a.id - b.id);
    const page =
      cursor.direction === 'next'
        ? matching.filter((product) => product.id > cursor.lastId).slice(0, limit)
        : matching.filter((product) => product.id < cursor.lastId).slice(-limit);
    const first = page[0];
    const last = page.at(-1);
    const links: string[] = [];
    const link = (target: ProductCursor, rel: string) => {
      const next = new URL(url.pathname, url.origin);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('page_info', encodeCursor(target));
      links.push(`<${next.toString()}>; rel="${rel}"`);
    };
    if (first && matching.some((product) => product.id < first.id)) {
      link({ lastId: first.id, direction: 'previous', filters: cursor.filters }, 'previous');
    }
    if (last && matching.some((product) => product.id > last.id)) {
      link({ lastId: last.id, direction: 'next', filters: cursor.filters }, 'next');
    }
    if (links.length > 0) c.header('link', links.join(', '));
    return c.json({ products: page.map((product) => restProduct(deps.store, product)) });
  });

  routes.all('/admin/api/:version/*', (c) => c.json({ errors: 'Not Found' }, 404));
  return routes;
}

interface ProductCursor {
  lastId: number;
  direction: 'next' | 'previous';
  filters: { status?: string[]; updatedAtMin?: number; ids?: number[] };
}

function filtersOf(query: URLSearchParams): ProductCursor['filters'] {
  const status = query.get('status');
  const updatedAtMin = query.get('updated_at_min');
  const ids = query.get('ids');
  return {
    ...(status ? { status: status.split(',').map((value) => value.trim()) } : {}),
    ...(updatedAtMin && !Number.isNaN(Date.parse(updatedAtMin))
      ? { updatedAtMin: Date.parse(updatedAtMin) }
      : {}),
    ...(ids ? { ids: ids.split(',').map(Number).filter(Number.isFinite) } : {}),
  };
}

function matchesFilters(
  product: { id: number; status: string; updatedAt: number },
  filters: ProductCursor['filters'],
): boolean {
  return (
    (!filters.status || filters.status.includes(product.status)) &&
    (filters.updatedAtMin === undefined || product.updatedAt >= filters.updatedAtMin) &&
    (!filters.ids || filters.ids.includes(product.id))
  );
}

// Shopify's page_info is opaque and carries the first request's filters, which is why a request
// with page_info may not repeat them.
function encodeCursor(cursor: ProductCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): ProductCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'lastId' in parsed &&
      typeof parsed.lastId === 'number' &&
      'direction' in parsed &&
      (parsed.direction === 'next' || parsed.direction === 'previous') &&
      'filters' in parsed &&
      typeof parsed.filters === 'object' &&
      parsed.filters !== null
    ) {
      const filters = parsed.filters;
      return {
        lastId: parsed.lastId,
        direction: parsed.direction,
        filters: {
          ...('status' in filters && Array.isArray(filters.status)
            ? { status: filters.status.map(String) }
            : {}),
          ...('updatedAtMin' in filters && typeof filters.updatedAtMin === 'number'
            ? { updatedAtMin: filters.updatedAtMin }
            : {}),
          ...('ids' in filters && Array.isArray(filters.ids) ? { ids: filters.ids.map(Number) } : {}),
        },
      };
    }
  } catch {
    // An unreadable cursor is answered like Shopify answers a tampered one.
  }
  return undefined;
}
