import { type Static, Type } from '@sinclair/typebox';
import { type ExecutionFilter, StoreInputError } from '@waybill/store';
import { actorOf, scopeOf } from '../auth/principal.js';
import { ApiError, invalidCursor, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import { replayExecution } from '../replay/replay-execution.js';
import type { ServerDeps } from '../server-deps.js';
import { AnyObject, ErrorResponse, ExecutionParams, FlowIdParam, pageQuery } from './schemas.js';

const Status = Type.Union(
  ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'].map((s) => Type.Literal(s)),
);

export const ExecutionQuery = Type.Object({
  flowId: Type.Optional(FlowIdParam),
  status: Type.Optional(Type.Union([Status, Type.Array(Status)])),
  revision: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Queued at or after.' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Queued before.' })),
  businessKey: Type.Optional(Type.String({ maxLength: 200, description: 'Exact, or a prefix ending in *.' })),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Text in the id, business key, error or payload.' }),
  ),
  deadLetter: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('ignored')]),
  ),
  failedNodeId: Type.Optional(Type.String({ maxLength: 64 })),
});
const PageQuery = pageQuery(50);

export function toFilter(query: Static<typeof ExecutionQuery>): ExecutionFilter {
  const filter: ExecutionFilter = {};
  if (query.flowId) filter.flowId = query.flowId;
  if (query.status) filter.status = query.status as ExecutionFilter['status'];
  if (query.revision) filter.revisionHash = query.revision;
  if (query.from) filter.from = new Date(query.from).toISOString();
  if (query.to) filter.to = new Date(query.to).toISOString();
  if (query.businessKey) filter.businessKey = query.businessKey;
  if (query.q) filter.text = query.q;
  if (query.deadLetter) filter.deadLetter = query.deadLetter;
  if (query.failedNodeId) filter.failedNodeId = query.failedNodeId;
  return filter;
}

export const ReplayBody = Type.Object(
  {
    from: Type.Union([Type.Literal('failed'), Type.Literal('trigger')], {
      default: 'failed',
      description: 'Resume from the failed node (completed steps reused) or start over.',
    }),
    revision: Type.Union([Type.Literal('original'), Type.Literal('deployed')], { default: 'original' }),
    dryRun: Type.Boolean({ default: false, description: 'Only say what would run again.' }),
  },
  { additionalProperties: false },
);

/** Executions: search, read with steps, run now, cancel, replay. */
export function executionRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/executions',
      operationId: 'listExecutions',
      summary: 'Search executions (newest first) by flow, status, revision, time, business key or text',
      tag: 'executions',
      permission: 'executions:read',
      query: Type.Composite([ExecutionQuery, PageQuery]),
      responses: {
        200: {
          description: 'A page of executions',
          schema: Type.Object({
            items: Type.Array(AnyObject),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
      handler: async ({ query, c }) => {
        const { cursor, limit, ...filters } = query;
        try {
          const page = await store.executions.list(
            { ...toFilter(filters), ...scopeOf(c) },
            {
              cursor: cursor ?? null,
              limit: limit ?? 50,
            },
          );
          // The list is for finding executions; payloads can be large and are read in the detail.
          return json(200, {
            items: page.items.map(({ trigger: _trigger, ...summary }) => summary),
            nextCursor: page.nextCursor,
          });
        } catch (error) {
          if (cursor && error instanceof StoreInputError) {
            throw invalidCursor();
          }
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/executions/{executionId}',
      operationId: 'getExecution',
      summary: "Read an execution with each node's input, output, attempts and errors",
      tag: 'executions',
      permission: 'executions:read',
      params: ExecutionParams,
      responses: {
        200: { description: 'The execution and its steps', schema: AnyObject },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params }) => {
        const execution = await store.executions.get(params.executionId);
        if (!execution) throw notFound('execution', params.executionId);
        return json(200, { ...execution, steps: await store.executions.steps(execution.id) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/flows/{flowId}/runs',
      operationId: 'runFlow',
      summary: 'Run a flow now with a payload (the deployed revision unless one is named)',
      tag: 'executions',
      permission: 'executions:operate',
      params: Type.Object({ flowId: FlowIdParam }),
      body: Type.Object(
        { payload: Type.Unknown(), revision: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })) },
        { additionalProperties: false },
      ),
      responses: {
        202: { description: 'Queued', schema: Type.Object({ executionId: Type.String() }) },
        404: { description: 'Not found', schema: ErrorResponse },
        409: { description: 'Not deployed', schema: ErrorResponse },
      },
      handler: async ({ params, body }) => {
        if (!(await store.flows.get(params.flowId))) throw notFound('flow', params.flowId);
        const hash = body.revision ?? (await store.deployments.current(params.flowId))?.revisionHash;
        if (!hash)
          throw new ApiError(
            409,
            'NOT_DEPLOYED',
            `Flow "${params.flowId}" has no deployed revision; deploy one or name a revision to run.`,
          );
        const revision = await deps.revisions.get(params.flowId, hash);
        if (!revision)
          throw new ApiError(404, 'REVISION_NOT_FOUND', `Flow "${params.flowId}" has no revision "${hash}".`);
        const execution = await store.executions.create({
          flowId: params.flowId,
          revisionHash: hash,
          triggerKind: 'manual',
          trigger: body.payload ?? null,
          businessKey: await deps.engine.businessKey(revision, body.payload ?? null),
        });
        await deps.relay.kick();
        return json(202, { executionId: execution.id });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/executions/{executionId}/cancel',
      operationId: 'cancelExecution',
      summary: 'Cancel a queued or running execution',
      tag: 'executions',
      permission: 'executions:operate',
      params: ExecutionParams,
      responses: {
        200: { description: 'What happened', schema: Type.Object({ outcome: Type.String() }) },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params }) => {
        const { outcome } = await store.executions.requestCancel(params.executionId);
        if (outcome === 'missing') throw notFound('execution', params.executionId);
        return json(200, { outcome });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/executions/{executionId}/replay',
      operationId: 'replayExecution',
      summary:
        'Replay an execution from its failed node or from the trigger, with its original or the deployed revision',
      tag: 'executions',
      permission: 'executions:operate',
      params: ExecutionParams,
      body: ReplayBody,
      responses: {
        202: { description: 'Replay queued', schema: AnyObject },
        200: { description: 'Dry run: what would run again', schema: AnyObject },
        404: { description: 'Not found', schema: ErrorResponse },
        409: { description: 'Cannot replay now', schema: ErrorResponse },
      },
      handler: async ({ params, body, c }) => {
        const { plan, execution } = await replayExecution(deps, params.executionId, body);
        if (!execution) return json(200, { dryRun: true, plan: publicPlan(plan) });
        await store.audit.append({
          actor: actorOf(c),
          action: 'execution.replay',
          targetType: 'execution',
          targetId: params.executionId,
          details: { ...body, replay: execution.id },
        });
        await deps.relay.kick();
        return json(202, { executionId: execution.id, plan: publicPlan(plan) });
      },
    }),
  ];
}

/** The plan as the API shows it: the steps themselves stay server-side. */
export function publicPlan(plan: Awaited<ReturnType<typeof replayExecution>>['plan']) {
  const { steps: _steps, ...rest } = plan;
  return rest;
}
