import { Type } from '@sinclair/typebox';
import { diffFlows } from '@waybill/flow';
import type { RevisionRow } from '@waybill/store';
import { signedIn } from '../auth/principal.js';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { saveRevision } from './save-revision.js';
import { AnyObject, ErrorResponse, FlowParams, RevisionRef } from './schemas.js';

const RevisionSummary = Type.Object({
  flowId: Type.String(),
  hash: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
});
const RevisionFull = Type.Composite([RevisionSummary, Type.Object({ definition: AnyObject })]);

const summary = ({ definition: _definition, ...rest }: RevisionRow) => rest;

/** Looks a revision up by hash or version; a 404 names what was asked for. */
export async function findRevision(
  deps: ServerDeps,
  flowId: string,
  ref: string | number,
): Promise<RevisionRow> {
  if (!(await deps.store.flows.get(flowId))) throw notFound('flow', flowId);
  const revision = await deps.store.revisions.get(flowId, ref);
  if (!revision) {
    throw new ApiError(
      404,
      'REVISION_NOT_FOUND',
      `Flow "${flowId}" has no revision ${typeof ref === 'number' ? `version ${ref}` : `"${ref}"`}.`,
    );
  }
  return revision;
}

/** Revisions: save (validated), list, read, diff. */
export function revisionRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/flows/{flowId}/revisions',
      operationId: 'saveRevision',
      summary:
        'Validate a definition and save it as a revision (saving unchanged content returns the existing one)',
      tag: 'revisions',
      permission: 'flows:write',
      params: FlowParams,
      body: Type.Object(
        { definition: AnyObject, message: Type.Optional(Type.String({ maxLength: 2000 })) },
        { additionalProperties: false },
      ),
      responses: {
        201: {
          description: 'Saved',
          schema: Type.Object({
            revision: RevisionSummary,
            created: Type.Boolean(),
            layoutUpdated: Type.Boolean(),
          }),
        },
        200: {
          description: 'Unchanged content: the existing revision (with the new layout, if only that changed)',
          schema: Type.Object({
            revision: RevisionSummary,
            created: Type.Boolean(),
            layoutUpdated: Type.Boolean(),
          }),
        },
        404: { description: 'No such flow', schema: ErrorResponse },
        422: { description: 'Every problem of the definition', schema: ErrorResponse },
      },
      handler: async ({ params, body, c }) => {
        const flow = await store.flows.get(params.flowId);
        if (!flow) throw notFound('flow', params.flowId);
        const saved = await saveRevision(deps, params.flowId, body.definition, {
          by: signedIn(c),
          ...(body.message ? { message: body.message } : {}),
        });
        if (!saved) throw new Error('saveRevision returned nothing outside a dry run');
        return json(saved.created ? 201 : 200, {
          revision: summary(saved.revision),
          created: saved.created,
          layoutUpdated: saved.layoutUpdated,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows/{flowId}/revisions',
      operationId: 'listRevisions',
      summary: 'List revisions, newest first',
      tag: 'revisions',
      permission: 'flows:read',
      params: FlowParams,
      responses: {
        200: { description: 'Revisions', schema: Type.Object({ items: Type.Array(RevisionSummary) }) },
      },
      handler: async ({ params }) => {
        if (!(await store.flows.get(params.flowId))) throw notFound('flow', params.flowId);
        return json(200, { items: (await store.revisions.list(params.flowId)).map(summary) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows/{flowId}/revisions/{ref}',
      operationId: 'getRevision',
      summary: 'Read a revision by hash or version number',
      tag: 'revisions',
      permission: 'flows:read',
      params: Type.Object({ flowId: FlowParams.properties.flowId, ref: RevisionRef }),
      responses: {
        200: { description: 'The revision', schema: RevisionFull },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params }) => json(200, await findRevision(deps, params.flowId, params.ref)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows/{flowId}/diff',
      operationId: 'diffRevisions',
      summary: 'What changed between two revisions: nodes, connections, config values and expressions',
      tag: 'revisions',
      permission: 'flows:read',
      params: FlowParams,
      query: Type.Object({ from: RevisionRef, to: RevisionRef }),
      responses: {
        200: { description: 'The semantic diff', schema: AnyObject },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params, query }) => {
        const before = await findRevision(deps, params.flowId, query.from);
        const after = await findRevision(deps, params.flowId, query.to);
        return json(200, {
          from: summary(before),
          to: summary(after),
          diff: diffFlows(before.definition, after.definition),
        });
      },
    }),
  ];
}
