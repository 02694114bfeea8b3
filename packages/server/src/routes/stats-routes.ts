import { Type } from '@sinclair/typebox';
import { scopeOf } from '../auth/principal.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { AnyObject } from './schemas.js';

/**
 * GET /api/stats: what the studio's dashboard draws — executions per status and hour, the queue,
 * and the slowest nodes of recent executions. A partner account gets its own flows' figures and
 * no queue (the queue is the whole installation's).
 */
export function statsRoutes(deps: ServerDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/stats',
      operationId: 'getStats',
      summary: 'Dashboard figures: executions per status and hour, queue depth, slowest nodes',
      tag: 'executions',
      permission: 'executions:read',
      query: Type.Object({
        hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 31, default: 24 })),
      }),
      responses: { 200: { description: 'Figures', schema: AnyObject } },
      handler: async ({ query, c }) => {
        const scope = scopeOf(c);
        const since = new Date(deps.now() - (query.hours ?? 24) * 3_600_000).toISOString();
        const overview = await deps.store.stats.overview({ since, partnerId: scope.partnerId });
        if (scope.partnerId) return json(200, { ...overview, queue: null });
        const [depth, counts] = await Promise.all([
          deps.queue.depth(),
          deps.store.executions.countByStatus(),
        ]);
        return json(200, {
          ...overview,
          queue: { ready: depth.ready, delayed: depth.delayed, running: counts.running },
        });
      },
    }),
  ];
}
