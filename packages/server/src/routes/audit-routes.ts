import { Type } from '@sinclair/typebox';
import { type AuditEvent, StoreInputError } from '@waybill/store';
import { invalidCursor } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { AnyObject, pageQuery } from './schemas.js';

const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. flow.deploy' })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});

type Filter = { actor?: string; action?: string; targetId?: string; from?: string; to?: string };

function toFilter(query: Filter): Filter {
  const filter: Filter = {};
  if (query.actor) filter.actor = query.actor;
  if (query.action) filter.action = query.action;
  if (query.targetId) filter.targetId = query.targetId;
  if (query.from) filter.from = new Date(query.from).toISOString();
  if (query.to) filter.to = new Date(query.to).toISOString();
  return filter;
}

/**
 * The audit log: who did what and when (flow create, save, deploy and rollback, credential changes
 * and tests, replays, dead-letter decisions), searchable and exportable as JSON lines for an
 * auditor's tools. Append-only: there is no route that changes or deletes an event.
 */
export function auditRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit',
      operationId: 'listAuditEvents',
      summary: 'Search the audit log (newest first) by actor, action, target and time',
      tag: 'audit',
      permission: 'audit:read',
      query: Type.Composite([AuditQuery, pageQuery(100)]),
      responses: {
        200: {
          description: 'A page of audit events',
          schema: Type.Object({
            items: Type.Array(AnyObject),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
        400: { description: 'Bad filter or cursor' },
      },
      handler: async ({ query }) => {
        const { cursor, limit, ...filters } = query;
        try {
          const page = await store.audit.list(toFilter(filters), {
            cursor: cursor ?? null,
            limit: limit ?? 100,
          });
          return json(200, page);
        } catch (error) {
          if (cursor && error instanceof StoreInputError) throw invalidCursor();
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/export',
      operationId: 'exportAuditEvents',
      summary: 'The audit events matching the filter, newest first, as JSON lines',
      tag: 'audit',
      permission: 'audit:read',
      query: AuditQuery,
      responses: { 200: { description: 'One JSON object per line', contentType: 'application/x-ndjson' } },
      handler: async ({ query, c }) => {
        const filter = toFilter(query);
        // Page through the log so an export of years of events never sits in memory at once.
        const stream = new ReadableStream<Uint8Array>({
          async start(controller) {
            const encoder = new TextEncoder();
            let cursor: string | null = null;
            do {
              const page: { items: AuditEvent[]; nextCursor: string | null } = await store.audit.list(
                filter,
                {
                  cursor,
                  limit: 500,
                },
              );
              const lines = page.items.map((event) => `${JSON.stringify(event)}\n`).join('');
              if (lines) controller.enqueue(encoder.encode(lines));
              cursor = page.nextCursor;
            } while (cursor);
            controller.close();
          },
        });
        return c.body(stream, 200, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'content-disposition': 'attachment; filename="waybill-audit.jsonl"',
        });
      },
    }),
  ];
}
