import { Type } from '@sinclair/typebox';
import { actorOf, scopeOf, signedIn } from '../auth/principal.js';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { saveRevision } from './save-revision.js';
import { AnyObject, ErrorResponse, FlowIdParam, FlowParams } from './schemas.js';

const FlowRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  partnerId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  latestRevision: Type.Union([Type.String(), Type.Null()]),
  deployedRevision: Type.Union([Type.String(), Type.Null()]),
});

/** Flows: create, list, read, delete. */
export function flowRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/flows',
      operationId: 'createFlow',
      summary: 'Create a flow, optionally with its first revision',
      tag: 'flows',
      permission: 'flows:write',
      body: Type.Object(
        {
          id: FlowIdParam,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          description: Type.Optional(Type.String({ maxLength: 10_000 })),
          definition: Type.Optional(AnyObject),
          partnerId: Type.Optional(
            Type.String({
              pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
              description: 'The trading partner this flow belongs to; its partner accounts see it.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      responses: {
        201: { description: 'Created', schema: FlowRow },
        409: { description: 'A flow with this id exists', schema: ErrorResponse },
        422: { description: 'The definition is not a valid flow', schema: ErrorResponse },
      },
      handler: async ({ body, c }) => {
        const principal = signedIn(c);
        if (body.partnerId !== undefined && principal.user.partnerId !== null) {
          throw new ApiError(
            400,
            'PARTNER_FIXED',
            'A partner account creates flows for its own partner only; leave partnerId out.',
            {
              pointer: '/body/partnerId',
            },
          );
        }
        const partnerId = principal.user.partnerId ?? body.partnerId ?? null;
        if (await store.flows.get(body.id)) {
          throw new ApiError(409, 'FLOW_EXISTS', `A flow with the id "${body.id}" already exists.`, {
            pointer: '/body/id',
          });
        }
        if (body.definition) {
          // Validate before creating anything, so a bad definition leaves no empty flow behind.
          await saveRevision(deps, body.id, body.definition, { dryRun: true, by: principal });
        }
        await store.flows.create({
          id: body.id,
          name: body.name,
          description: body.description ?? null,
          partnerId,
        });
        await store.audit.append({
          actor: actorOf(c),
          action: 'flow.create',
          targetType: 'flow',
          targetId: body.id,
          ...(partnerId ? { details: { partnerId } } : {}),
        });
        if (body.definition) await saveRevision(deps, body.id, body.definition, { by: principal });
        return json(201, await store.flows.get(body.id));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows',
      operationId: 'listFlows',
      summary: 'List flows with their latest and deployed revisions',
      tag: 'flows',
      permission: 'flows:read',
      responses: { 200: { description: 'Flows', schema: Type.Object({ items: Type.Array(FlowRow) }) } },
      handler: async ({ c }) => json(200, { items: await store.flows.list(scopeOf(c)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/flows/{flowId}',
      operationId: 'getFlow',
      summary: 'Read a flow',
      tag: 'flows',
      permission: 'flows:read',
      params: FlowParams,
      responses: {
        200: { description: 'The flow', schema: FlowRow },
        404: { description: 'No such flow', schema: ErrorResponse },
      },
      handler: async ({ params }) => {
        const flow = await store.flows.get(params.flowId);
        if (!flow) throw notFound('flow', params.flowId);
        return json(200, flow);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/flows/{flowId}',
      operationId: 'deleteFlow',
      summary: 'Delete a flow, its revisions and deployment; its executions stay in history',
      tag: 'flows',
      permission: 'flows:write',
      params: FlowParams,
      responses: {
        204: { description: 'Deleted' },
        404: { description: 'No such flow', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        if (!(await store.flows.delete(params.flowId))) throw notFound('flow', params.flowId);
        await store.audit.append({
          actor: actorOf(c),
          action: 'flow.delete',
          targetType: 'flow',
          targetId: params.flowId,
        });
        return c.body(null, 204);
      },
    }),
  ];
}
