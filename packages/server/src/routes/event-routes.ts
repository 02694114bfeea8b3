import { Type } from '@sinclair/typebox';
import { streamSSE } from 'hono/streaming';
import { flowVisible } from '../auth/partner-scope.js';
import { scopeOf } from '../auth/principal.js';
import { defineRoute } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { FlowIdParam } from './schemas.js';

/** GET /api/events: a server-sent event stream of execution events, optionally for one flow. */
export function eventRoutes(deps: ServerDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/events',
      operationId: 'streamExecutionEvents',
      summary: 'Server-sent events as executions are queued, start, respond and finish',
      tag: 'executions',
      permission: 'executions:read',
      query: Type.Object({ flowId: Type.Optional(FlowIdParam) }),
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' } },
      handler: async ({ c, query }) =>
        streamSSE(c, async (stream) => {
          let id = 0;
          // A partner account hears only its own flows' events; whether a flow is theirs is
          // looked up once per flow for the life of the stream.
          const visible = new Map<string, Promise<boolean>>();
          const isVisible = (flowId: string) => {
            const known = visible.get(flowId) ?? flowVisible(deps.store, c, flowId);
            visible.set(flowId, known);
            return known;
          };
          const partner = scopeOf(c).partnerId !== undefined;
          const off = deps.events.subscribe((event) => {
            if (query.flowId && event.flowId !== query.flowId) return;
            if (!partner) {
              void stream.writeSSE({ id: String(++id), event: event.type, data: JSON.stringify(event) });
              return;
            }
            void isVisible(event.flowId).then((ok) => {
              if (ok && !stream.aborted) {
                void stream.writeSSE({ id: String(++id), event: event.type, data: JSON.stringify(event) });
              }
            });
          });
          stream.onAbort(off);
          // Comments keep proxies from closing an idle stream.
          while (!stream.aborted) {
            await stream.write(': keep-alive\n\n');
            await stream.sleep(15_000);
          }
          off();
        }),
    }),
  ];
}
