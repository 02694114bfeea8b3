import { Type } from '@sinclair/typebox';
import { defineRoute, json } from '../http/route.js';
import type { WebhookIntake } from '../intake/webhook-intake.js';
import type { Metrics } from '../metrics/prometheus-metrics.js';
import { ErrorResponse, FlowParams } from './schemas.js';

const Accepted = Type.Object({ executionId: Type.String(), duplicate: Type.Optional(Type.Boolean()) });

/** POST /hooks/{flowId}: where external systems deliver events. */
export function hookRoutes(intake: WebhookIntake, metrics: Metrics) {
  return [
    defineRoute({
      method: 'post',
      path: '/hooks/{flowId}',
      operationId: 'receiveWebhook',
      summary:
        'Deliver an event to a deployed flow; 202 once it is stored, 200 naming the original for a repeat',
      tag: 'webhooks',
      permission: 'public',
      params: FlowParams,
      responses: {
        202: { description: 'Accepted and stored; runs shortly', schema: Accepted },
        200: {
          description: 'A repeated delivery (same dedupe key): the original execution, or the flow’s reply',
          schema: Accepted,
        },
        400: { description: 'Malformed or too deeply nested JSON', schema: ErrorResponse },
        401: { description: 'Missing or invalid signature', schema: ErrorResponse },
        404: { description: 'No deployed webhook flow', schema: ErrorResponse },
        413: { description: 'Body over the size limit', schema: ErrorResponse },
        503: { description: 'Queue full; retry after the given time', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        let outcome: Awaited<ReturnType<WebhookIntake['receive']>>;
        try {
          outcome = await intake.receive({
            flowId: params.flowId,
            method: c.req.method,
            headers: c.req.raw.headers,
            query: new URL(c.req.url).searchParams,
            body: new Uint8Array(await c.req.arrayBuffer()),
          });
        } catch (error) {
          metrics.intake(params.flowId, 'rejected');
          throw error;
        }
        metrics.intake(params.flowId, outcome.kind === 'duplicate' ? 'duplicate' : 'accepted');
        switch (outcome.kind) {
          case 'duplicate':
            return json(200, { executionId: outcome.executionId, duplicate: true });
          case 'responded': {
            const { status, headers, body } = outcome.response;
            const response = c.json(body as object, status as 200, {
              ...headers,
              'x-waybill-execution': outcome.executionId,
            });
            return response;
          }
          default:
            return json(202, { executionId: outcome.executionId });
        }
      },
    }),
  ];
}
