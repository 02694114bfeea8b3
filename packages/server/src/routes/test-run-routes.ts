import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { createRevision } from '@waybill/flow';
import { actorOf, signedIn } from '../auth/principal.js';
import { notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { checkedDefinition } from './save-revision.js';
import { AnyObject, ErrorResponse, FlowParams } from './schemas.js';

/** A test run gives up after this long; the canvas shows what ran until then. */
const TEST_RUN_TIMEOUT_MS = 60_000;

/**
 * Test runs from the canvas: the definition as it is on screen (saved or not) runs once on pinned
 * sample data, in this request, and the answer is the execution record — every node's input,
 * output, attempts and error. Nothing goes to the execution history; connector nodes do call their
 * systems (the simulators, in the demo), as a test run in any flow tool does.
 */
export function testRunRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/flows/{flowId}/test-runs',
      operationId: 'testRunFlow',
      summary: 'Run a definition once on sample data, whole or up to one node, and answer every step',
      tag: 'flows',
      permission: 'flows:write',
      params: FlowParams,
      body: Type.Object(
        {
          definition: AnyObject,
          trigger: Type.Unknown({
            description: 'The trigger payload; for webhooks { headers, query, body }.',
          }),
          stopAfter: Type.Optional(
            Type.String({ minLength: 1, maxLength: 64, description: 'Run only what leads to this node.' }),
          ),
        },
        { additionalProperties: false },
      ),
      responses: {
        200: { description: 'The execution record of the test run', schema: AnyObject },
        404: { description: 'No such flow', schema: ErrorResponse },
        422: { description: 'Every problem of the definition', schema: ErrorResponse },
      },
      handler: async ({ params, body, c }) => {
        if (!(await store.flows.get(params.flowId))) throw notFound('flow', params.flowId);
        const flow = await checkedDefinition(deps, params.flowId, body.definition, signedIn(c), 'run');
        const revision = createRevision(flow);
        const signal = AbortSignal.timeout(TEST_RUN_TIMEOUT_MS);
        const record = await deps.engine.run({
          executionId: `test_${randomUUID()}`,
          revision,
          trigger: body.trigger ?? {},
          signal,
          detached: true,
          ...(body.stopAfter ? { stopAfter: body.stopAfter } : {}),
        });
        await store.audit.append({
          actor: actorOf(c),
          action: 'flow.test-run',
          targetType: 'flow',
          targetId: params.flowId,
          details: {
            revision: revision.hash,
            status: record.status,
            ...(body.stopAfter ? { stopAfter: body.stopAfter } : {}),
          },
        });
        return json(200, record);
      },
    }),
  ];
}
