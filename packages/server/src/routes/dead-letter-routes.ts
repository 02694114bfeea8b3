import { Type } from '@sinclair/typebox';
import { ownExecutionIds } from '../auth/partner-scope.js';
import { actorOf, scopeOf } from '../auth/principal.js';
import { ApiError } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import { replayExecution } from '../replay/replay-execution.js';
import type { ServerDeps } from '../server-deps.js';
import { ExecutionQuery, publicPlan, ReplayBody, toFilter } from './execution-routes.js';
import { AnyObject, ErrorResponse, FlowIdParam } from './schemas.js';

const MAX_BULK = 1000;

/** The dead-letter inbox and bulk replay. */
export function deadLetterRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/dead-letters',
      operationId: 'listDeadLetters',
      summary: 'Open failed executions grouped by flow, node and error signature',
      tag: 'dead-letters',
      permission: 'executions:read',
      query: Type.Object({ flowId: Type.Optional(FlowIdParam) }),
      responses: {
        200: { description: 'Groups, largest first', schema: Type.Object({ items: Type.Array(AnyObject) }) },
      },
      handler: async ({ query, c }) => {
        const groups = await store.executions.deadLetterGroups({
          ...(query.flowId ? { flowId: query.flowId } : {}),
          ...scopeOf(c),
        });
        return json(200, { items: groups });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dead-letters/resolve',
      operationId: 'resolveDeadLetters',
      summary: 'Mark dead letters resolved or ignored, by ids or by group',
      tag: 'dead-letters',
      permission: 'executions:operate',
      body: Type.Object(
        {
          state: Type.Union([Type.Literal('resolved'), Type.Literal('ignored')]),
          ids: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: MAX_BULK })),
          group: Type.Optional(
            Type.Object({
              flowId: FlowIdParam,
              failedNodeId: Type.Union([Type.String(), Type.Null()]),
              errorSignature: Type.String(),
            }),
          ),
        },
        { additionalProperties: false },
      ),
      responses: {
        200: { description: 'How many changed', schema: Type.Object({ changed: Type.Integer() }) },
        400: { description: 'Neither ids nor group', schema: ErrorResponse },
      },
      handler: async ({ body, c }) => {
        let ids = await ownExecutionIds(store, c, body.ids ?? []);
        if (body.group) {
          ids = ids.concat(
            await store.executions.ids(
              {
                ...scopeOf(c),
                flowId: body.group.flowId,
                deadLetter: 'open',
                errorSignature: body.group.errorSignature,
                ...(body.group.failedNodeId ? { failedNodeId: body.group.failedNodeId } : {}),
              },
              MAX_BULK,
            ),
          );
        }
        if (!body.ids && !body.group)
          throw new ApiError(400, 'NOTHING_SELECTED', 'Name the executions (ids) or a group to resolve.', {
            pointer: '/body',
          });
        const changed = await store.executions.setDeadLetter(ids, body.state);
        await store.audit.append({
          actor: actorOf(c),
          action: `dead-letter.${body.state}`,
          targetType: 'execution',
          targetId: null,
          details: { count: changed, ...(body.group ? { group: body.group } : { ids }) },
        });
        return json(200, { changed });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/executions/replay',
      operationId: 'replayExecutions',
      summary: `Replay every execution matching a filter (at most ${MAX_BULK}), with a dry run first`,
      tag: 'executions',
      permission: 'executions:operate',
      body: Type.Composite(
        [
          ReplayBody,
          Type.Object({
            filter: ExecutionQuery,
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BULK, default: 100 })),
          }),
        ],
        { additionalProperties: false },
      ),
      responses: {
        202: { description: 'Replays queued', schema: AnyObject },
        200: { description: 'Dry run', schema: AnyObject },
      },
      handler: async ({ body, c }) => {
        const filter = { ...toFilter(body.filter), ...scopeOf(c) };
        // Only finished executions can be replayed; default to the failed ones.
        if (!filter.status) filter.status = 'failed';
        const ids = await store.executions.ids(filter, body.limit ?? 100);
        const results = [];
        for (const id of ids) {
          const { plan, execution } = await replayExecution(deps, id, body);
          results.push({
            executionId: id,
            ...(execution ? { replay: execution.id } : {}),
            plan: publicPlan(plan),
          });
        }
        if (body.dryRun) return json(200, { dryRun: true, count: results.length, items: results });
        await store.audit.append({
          actor: actorOf(c),
          action: 'execution.replay-bulk',
          targetType: 'execution',
          targetId: null,
          details: { filter: body.filter, from: body.from, revision: body.revision, count: results.length },
        });
        await deps.relay.kick();
        return json(202, { count: results.length, items: results.map(({ plan: _plan, ...rest }) => rest) });
      },
    }),
  ];
}
