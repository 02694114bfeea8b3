import type { Static, TSchema } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { Permission } from './permissions.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: TSchema;
  /** Media type when not JSON, e.g. text/event-stream. */
  contentType?: string;
}

/** What a handler receives: validated, typed params, query and body, plus the Hono context. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  c: Context;
}

/** A JSON result with its status; handlers may also return a raw Response (SSE, text). */
export interface JsonResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * One API route: its OpenAPI description, the permission it needs, the schemas of what it takes,
 * and its handler. The same object registers the Hono route and its entry in /api/openapi.json,
 * so the document cannot drift from what the server does.
 */
export interface RouteSpec<
  P extends TSchema = TSchema,
  Q extends TSchema = TSchema,
  B extends TSchema = TSchema,
> {
  method: HttpMethod;
  /** OpenAPI style: /api/flows/{flowId}. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  handler: (input: RouteInput<Static<P>, Static<Q>, Static<B>>) => Promise<JsonResult | Response>;
}

/**
 * Declares a route with its handler's input types inferred from its schemas.
 *
 * @example
 * export const getFlow = defineRoute({ method: 'get', path: '/api/flows/{flowId}', params: FlowParams, ...,
 *   handler: async ({ params }) => ({ status: 200, body: await store.flows.get(params.flowId) }) });
 */
export function defineRoute<P extends TSchema, Q extends TSchema, B extends TSchema>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): JsonResult => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
