import { randomBytes } from 'node:crypto';
import type { ExecutionRecord, StepRecord } from '@waybill/engine';
import { type FlowDefinition, revisionHash } from '@waybill/flow';
import type { ExecutionRow, NewExecution } from '../store-types.js';

/** A fresh id per test, so tests sharing one database never see each other's rows. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function flowDefinition(id: string, name = 'Orders', description?: string): FlowDefinition {
  return {
    schemaVersion: 1,
    id,
    name,
    ...(description !== undefined ? { description } : {}),
    trigger: { type: 'core.manual', config: {} },
    nodes: [{ id: 'map', type: 'core.transform', config: { expression: `{ "name": "${name}" }` } }],
    edges: [{ from: 'trigger', to: 'map' }],
  };
}

export function definitionHash(definition: FlowDefinition): string {
  return revisionHash(definition);
}

export function newExecution(flowId: string, patch: Partial<NewExecution> = {}): NewExecution {
  return {
    flowId,
    revisionHash: 'rev-1',
    triggerKind: 'webhook',
    trigger: { order: { id: 1001 } },
    ...patch,
  };
}

/** Steps with every optional field present on one and absent on the others. */
export function sampleSteps(): StepRecord[] {
  return [
    {
      key: 'map',
      nodeId: 'map',
      type: 'core.transform',
      status: 'succeeded',
      input: { order: { id: 1001, lines: [1, 2] } },
      output: { total: 12.5, note: null },
      port: 'out',
      attempts: [{ attempt: 1, startedAt: '2025-03-01T10:00:00.000Z', durationMs: 3 }],
      effect: 'pure',
      definitionHash: 'def-map',
    },
    {
      key: 'each[1]/push',
      nodeId: 'push',
      type: 'odoo.createOrder',
      items: [1],
      status: 'failed',
      input: { sku: 'AB-1' },
      output: { partial: true },
      port: 'error',
      attempts: [
        {
          attempt: 1,
          startedAt: '2025-03-01T10:00:01.000Z',
          durationMs: 40,
          error: { kind: 'connector', code: 'ODOO_REJECTED', message: 'Order #1001 failed', retryable: true },
        },
      ],
      logs: [{ level: 'warn', message: 'slow upstream' }],
      error: {
        kind: 'connector',
        code: 'ODOO_REJECTED',
        message: 'Order #1001 failed',
        retryable: false,
        retryAfterMs: 500,
      },
      effect: 'write',
      definitionHash: 'def-push',
      resumeAt: '2025-03-01T11:00:00.000Z',
      reused: true,
      disabled: false,
    },
    {
      key: 'notify',
      nodeId: 'notify',
      type: 'core.http',
      status: 'succeeded',
      input: null,
      attempts: [],
      effect: 'read',
      definitionHash: 'def-notify',
    },
  ];
}

export function executionRecord(
  execution: ExecutionRow,
  patch: Partial<ExecutionRecord> = {},
): ExecutionRecord {
  return {
    executionId: execution.id,
    flowId: execution.flowId,
    revisionHash: execution.revisionHash,
    status: 'succeeded',
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:00:02.000Z',
    durationMs: 2000,
    trigger: execution.trigger,
    steps: [],
    ...patch,
  };
}

export const FAR_PAST = '2000-01-01T00:00:00.000Z';
export const FAR_FUTURE = '2999-01-01T00:00:00.000Z';
