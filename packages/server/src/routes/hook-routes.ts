import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import { defineRoute, json } from '../http/route.js';
import type { WebhookIntake } from '../intake/webhook-intake.js';
import type { Metrics } from '../metrics/prometheus-metrics.js';
import { ErrorResponse, FlowParams } from './schemas.js';

const Accepted = Type.Object({
  executionId: Type.Optional(Type.String()),
  duplicate: Type.Optional(Type.Boolean()),
  ignored: Type.Optional(
    Type.Boolean({
      description: 'A verified delivery this flow does not take (another topic); nothing runs.',
    }),
  ),
});

/** POST /hooks/{flowId} (and /hooks/{flowId}/{secret}): where external systems deliver events. */
export function hookRoutes(intake: WebhookIntake, metrics: Metrics) {
  const receive = async (c: Context, flowId: string, pathSecret?: string) => {
    let outcome: Awaited<ReturnType<WebhookIntake['receive']>>;
    try {
      outcome = await intake.receive({
        flowId,
        ...(pathSecret === undefined ? {} : { pathSecret }),
        method: c.req.method,
        headers: c.req.raw.headers,
        query: new URL(c.req.url).searchParams,
        body: new Uint8Array(await c.req.arrayBuffer()),
      });
    } catch (error) {
      metrics.intake(flowId, 'rejected');
      throw error;
    }
    metrics.intake(
      flowId,
      outcome.kind === 'duplicate' ? 'duplicate' : outcome.kind === 'ignored' ? 'ignored' : 'accepted',
    );
    switch (outcome.kind) {
      case 'ignored':
        // The sender's delivery was fine but not for this flow (another topic): 200 stops its retries.
        return json(200, { ignored: true });
      case 'duplicate':
        return json(200, { executionId: outcome.executionId, duplicate: true });
      case 'responded': {
        const { status, headers, body } = outcome.response;
        return c.json(body as object, status as 200, {
          ...headers,
          'x-waybill-execution': outcome.executionId,
        });
      }
      default:
        return json(202, { executionId: outcome.executionId });
    }
  };
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
      handler: async ({ params, c }) => receive(c, params.flowId),
    }),
    defineRoute({
      method: 'post',
      path: '/hooks/{flowId}/{secret}',
      operationId: 'receiveWebhookAtSecretPath',
      summary:
        'Deliver an event to a flow that takes deliveries at a secret path (for senders that cannot sign)',
      tag: 'webhooks',
      permission: 'public',
      params: Type.Object({
        flowId: FlowParams.properties.flowId,
        secret: Type.String({ minLength: 1, maxLength: 512 }),
      }),
      responses: {
        202: { description: 'Accepted and stored; runs shortly', schema: Accepted },
        200: { description: 'A repeated delivery, or the flow’s reply', schema: Accepted },
        404: {
          description: 'No deployed webhook flow at this path (a wrong secret looks the same)',
          schema: ErrorResponse,
        },
      },
      handler: async ({ params, c }) => receive(c, params.flowId, params.secret),
    }),
  ];
}
