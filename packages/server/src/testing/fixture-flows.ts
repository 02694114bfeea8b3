import type { FlowDefinition } from '@waybill/flow';

/**
 * An order intake flow: webhook → map → check (fails when the order has no lines) → reply.
 * `mapping` lets a test break and fix the mapping.
 */
export function orderIntakeFlow(
  options: { id?: string; mapping?: string; signed?: boolean; respond?: boolean; secretPath?: boolean } = {},
): FlowDefinition {
  return {
    schemaVersion: 1,
    id: options.id ?? 'order-intake',
    name: 'Order intake',
    trigger: {
      type: 'core.webhook',
      config: {
        ...(options.respond ? { respond: 'respondNode' } : {}),
        ...(options.secretPath ? { secretPath: true } : {}),
        ...(options.signed
          ? {
              signature: {
                header: 'x-signature',
                algorithm: 'hmac-sha256',
                encoding: 'hex',
                prefix: 'sha256=',
              },
            }
          : {}),
      },
      ...(options.signed || options.secretPath ? { credential: 'hook-secret' } : {}),
      dedupe: "headers.'x-delivery-id'",
      businessKey: 'body.po',
    },
    nodes: [
      {
        id: 'map',
        type: 'core.transform',
        config: {
          expression:
            options.mapping ?? '{ "po": body.po, "lines": body.lines, "units": $sum(body.lines.qty) }',
        },
      },
      {
        id: 'check',
        type: 'core.validate',
        config: {
          schema: {
            type: 'object',
            required: ['po', 'units'],
            properties: { units: { type: 'number', minimum: 1 } },
          },
        },
      },
      {
        id: 'reply',
        type: 'core.respond',
        config: { status: 200, body: '{ "accepted": po, "units": units }' },
      },
    ],
    edges: [
      { from: 'trigger', to: 'map' },
      { from: 'map', to: 'check' },
      { from: 'check.valid', to: 'reply' },
    ],
  };
}

export const order = (po: string, qty = 2) => ({ po, lines: [{ sku: 'IPOD2008GREEN', qty }] });
