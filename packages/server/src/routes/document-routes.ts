import { Type } from '@sinclair/typebox';
import { type DocumentFilter, type DocumentMeta, StoreInputError } from '@waybill/store';
import type { Context } from 'hono';
import { ApiError, invalidCursor, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { ErrorResponse, pageQuery } from './schemas.js';

const DocumentView = Type.Object({
  id: Type.String(),
  executionId: Type.String(),
  nodeId: Type.String(),
  stepKey: Type.String({
    description: 'The step that recorded it (the node id, with the item inside a For each).',
  }),
  flowId: Type.Union([Type.String(), Type.Null()]),
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  partner: Type.Union([Type.String(), Type.Null()]),
  standard: Type.Union([Type.String(), Type.Null()]),
  interchangeControl: Type.Union([Type.String(), Type.Null()]),
  groupControls: Type.Array(Type.String()),
  ackStatus: Type.Union(
    [
      ...['pending', 'accepted', 'accepted-with-errors', 'partially-accepted', 'rejected'].map((v) =>
        Type.Literal(v),
      ),
      Type.Null(),
    ],
    { description: 'null when no acknowledgment is expected; pending past ackDueAt is overdue.' },
  ),
  ackDueAt: Type.Union([Type.String(), Type.Null()]),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  ackExecutionId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const DocumentPage = Type.Object({
  items: Type.Array(DocumentView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const DocumentQuery = Type.Object({
  partner: Type.Optional(
    Type.String({ maxLength: 100, description: 'The trading-partner profile (credential id).' }),
  ),
  direction: Type.Optional(Type.Union([Type.Literal('inbound'), Type.Literal('outbound')])),
  ack: Type.Optional(
    Type.Union(
      ['pending', 'overdue', 'accepted', 'accepted-with-errors', 'partially-accepted', 'rejected'].map((s) =>
        Type.Literal(s),
      ),
      { description: 'Acknowledgment state of outbound documents; overdue = pending past its due time.' },
    ),
  ),
  control: Type.Optional(
    Type.String({ maxLength: 20, description: 'An interchange or group control number.' }),
  ),
});

/**
 * The interchanges executions received and sent: listed by partner, control number and
 * acknowledgment state (the overdue-acknowledgment alert), and downloadable as the exact bytes.
 */
export function documentRoutes(deps: ServerDeps) {
  const { store } = deps;
  const list = async (
    c: Context,
    filter: DocumentFilter,
    page: { cursor?: string | undefined; limit?: number | undefined },
  ) => {
    try {
      const result = await store.documents.list(filter, {
        ...(page.cursor ? { cursor: page.cursor } : {}),
        ...(page.limit ? { limit: page.limit } : {}),
      });
      return { ...result, items: await visible(deps, c, result.items) };
    } catch (error) {
      if (page.cursor && error instanceof StoreInputError) throw invalidCursor();
      throw error;
    }
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/documents',
      operationId: 'listDocuments',
      summary:
        'Search interchanges received and sent, newest first; ack=overdue lists acknowledgments past due',
      tag: 'documents',
      permission: 'executions:read',
      query: Type.Composite([DocumentQuery, pageQuery(50)]),
      responses: { 200: { description: 'A page of documents (without their bytes)', schema: DocumentPage } },
      handler: async ({ query, c }) => {
        const { cursor, limit, ...filter } = query;
        const typed: DocumentFilter = {
          ...(filter.partner ? { partner: filter.partner } : {}),
          ...(filter.direction ? { direction: filter.direction } : {}),
          ...(filter.control ? { control: filter.control } : {}),
          ...(filter.ack ? { ack: ackOf(filter.ack) } : {}),
        };
        return json(200, await list(c, typed, { cursor, limit }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/executions/{executionId}/documents',
      operationId: 'listExecutionDocuments',
      summary: 'The interchanges an execution received and sent',
      tag: 'documents',
      permission: 'executions:read',
      params: Type.Object({ executionId: Type.String({ minLength: 1, maxLength: 100 }) }),
      responses: {
        200: { description: 'The execution’s documents', schema: DocumentPage },
        404: { description: 'No such execution', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        if (!(await store.executions.get(params.executionId)))
          throw notFound('execution', params.executionId);
        return json(200, await list(c, { executionId: params.executionId }, { limit: 500 }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/documents/{documentId}/content',
      operationId: 'downloadDocument',
      summary: 'The exact bytes of an interchange as received or sent',
      tag: 'documents',
      permission: 'executions:read',
      params: Type.Object({ documentId: Type.String({ pattern: '^doc_[a-z0-9]{1,40}$' }) }),
      responses: {
        200: {
          description: 'The bytes, with the document’s content type',
          contentType: 'application/octet-stream',
        },
        404: { description: 'No such document', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        const meta = await store.documents.get(params.documentId);
        if (!meta || (await visible(deps, c, [meta])).length === 0)
          throw notFound('document', params.documentId);
        const bytes = await store.documents.content(meta.id);
        if (!bytes) throw notFound('document', params.documentId);
        return c.body(new Uint8Array(bytes), 200, {
          'content-type': meta.contentType,
          'content-disposition': `attachment; filename="${meta.fileName.replace(/[^\w.-]/g, '_')}"`,
          'x-content-sha256': meta.sha256,
        });
      },
    }),
  ];
}

/** A partner account sees the documents of its own flows only. */
async function visible(
  deps: Pick<ServerDeps, 'store'>,
  c: Context,
  items: DocumentMeta[],
): Promise<DocumentMeta[]> {
  const partnerId = c.get('principal')?.user.partnerId;
  if (!partnerId) return items;
  const own = new Set((await deps.store.flows.list({ partnerId })).map((f) => f.id));
  return items.filter((item) => item.flowId !== null && own.has(item.flowId));
}

function ackOf(value: string): DocumentFilter['ack'] {
  switch (value) {
    case 'pending':
    case 'overdue':
    case 'accepted':
    case 'accepted-with-errors':
    case 'partially-accepted':
    case 'rejected':
      return value;
    default:
      throw new ApiError(
        400,
        'INVALID_QUERY',
        `ack must be pending, overdue, accepted, accepted-with-errors, partially-accepted or rejected, not "${value}".`,
      );
  }
}
