import { Type } from '@sinclair/typebox';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { renderMetrics } from './metrics.js';

/** Health, readiness and metrics: unauthenticated so load balancers and Prometheus can reach them. */
export function systemRoutes(deps: ServerDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'The process is up',
      tag: 'system',
      permission: 'public',
      responses: { 200: { description: 'Up', schema: Type.Object({ status: Type.Literal('ok') }) } },
      handler: async () => json(200, { status: 'ok' }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'ready',
      summary: 'The database and the queue answer',
      tag: 'system',
      permission: 'public',
      responses: {
        200: { description: 'Ready', schema: Type.Object({ status: Type.String() }) },
        503: { description: 'Not ready' },
      },
      handler: async () => {
        const checks = await Promise.allSettled([deps.store.ping(), deps.queue.ready()]);
        const [database, queue] = checks.map((r) =>
          r.status === 'fulfilled' ? 'ok' : (r.reason as Error).message,
        );
        const ok = database === 'ok' && queue === 'ok';
        return json(ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', database, queue });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics: executions by status, queue depth',
      tag: 'system',
      permission: 'system:read',
      responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain' } },
      handler: async ({ c }) =>
        c.text(await renderMetrics(deps), 200, { 'content-type': 'text/plain; version=0.0.4' }),
    }),
  ];
}
