import type { RouteSpec } from './route.js';

/**
 * The OpenAPI 3.1 document of the registered routes. TypeBox schemas are JSON Schema, which
 * OpenAPI 3.1 takes as they are. Each operation carries `x-permission`, the permission it needs.
 *
 * @example
 * app.get('/api/openapi.json', (c) => c.json(openApiDocument(routes, { version: '0.1.0' })));
 */
export function openApiDocument(routes: readonly RouteSpec[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [...schemaParameters(route.params, 'path'), ...schemaParameters(route.query, 'query')];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema || spec.contentType
          ? {
              content: {
                [spec.contentType ?? 'application/json']: { schema: spec.schema ?? { type: 'string' } },
              },
            }
          : {}),
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      'x-permission': route.permission,
      // Public routes need nobody; every other route takes an API token or the studio's session.
      security: route.permission === 'public' ? [] : [{ apiToken: [] }, { session: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Waybill API', version: info.version },
    components: {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (wbt_…) from POST /api/tokens or `waybill tokens create`.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'waybill_session',
          description:
            'The studio session from POST /api/auth/sign-in; changes also need the x-csrf-token header.',
        },
      },
    },
    paths,
  };
}

function schemaParameters(schema: unknown, location: 'path' | 'query') {
  const properties = (schema as { properties?: Record<string, unknown>; required?: string[] } | undefined)
    ?.properties;
  if (!properties) return [];
  const required = new Set((schema as { required?: string[] }).required ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
  }));
}
