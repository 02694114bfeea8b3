import type { Store } from '@waybill/store';
import type { Hono } from 'hono';
import { authorize } from '../auth/authorize.js';
import { checkPartnerScope } from '../auth/partner-scope.js';
import { ApiError } from './api-error.js';
import { parseJsonBody } from './json-body.js';
import { compilePart } from './request-validation.js';
import type { RouteSpec } from './route.js';

/**
 * Registers routes on the app. Before a handler runs, the caller's role must hold the route's
 * permission, path params, query and JSON body must match the route's schemas, and a partner
 * account must own what the path names; handler results become JSON responses.
 *
 * @example
 * registerRoutes(app, [getFlow, listFlows], { store });
 */
export function registerRoutes(app: Hono, routes: readonly RouteSpec[], deps: { store: Store }): void {
  for (const route of routes) {
    const params = route.params ? compilePart(route.params, 'params') : undefined;
    const query = route.query ? compilePart(route.query, 'query') : undefined;
    const body = route.body ? compilePart(route.body, 'body') : undefined;
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method.toUpperCase(), honoPath, async (c) => {
      authorize(route, c);
      const checkedParams = params ? params({ ...c.req.param() }) : {};
      if (route.permission !== 'public')
        await checkPartnerScope(deps.store, c, checkedParams as Record<string, unknown>);
      const input = {
        params: checkedParams,
        query: query ? query(queryObject(new URL(c.req.url).searchParams)) : {},
        body: body ? body(await readJson(c.req.raw)) : undefined,
        c,
      };
      const result = await route.handler(input as never);
      if (result instanceof Response) return result;
      return c.json(result.body as object, result.status as 200, result.headers);
    });
  }
}

/** Repeated keys become arrays (status=failed&status=cancelled); single keys stay strings. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type && !type.includes('json')) {
    throw new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `The request body must be JSON (content-type application/json), not ${type}.`,
    );
  }
  const text = await request.text();
  if (text.trim() === '') throw new ApiError(400, 'MISSING_BODY', 'The request needs a JSON body.');
  return parseJsonBody(text);
}
