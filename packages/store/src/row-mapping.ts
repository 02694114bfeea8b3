import type { ExecutionError, WebhookResponse } from '@waybill/engine';
import type { FlowDefinition } from '@waybill/flow';
import type { Selectable } from 'kysely';
import type {
  AuditEventsTable,
  CredentialsTable,
  DeploymentHistoryTable,
  DeploymentsTable,
  ExecutionsTable,
  RevisionsTable,
} from './schema.js';
import type {
  AuditEvent,
  CredentialMeta,
  DeadLetterState,
  DeploymentRow,
  ExecutionRow,
  ExecutionStatus,
  RevisionRow,
  TriggerKind,
} from './store-types.js';

/**
 * Column values to and from the contract's shapes. JSON columns hold `null` for "absent", so a
 * stored `undefined` and `null` read back alike.
 */

/**
 * JSON text for a column; undefined and null become SQL NULL.
 *
 * @example
 * toJson({ a: 1 }); // '{"a":1}'
 */
export function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

/**
 * Parses a JSON column; NULL reads as null.
 *
 * @example
 * fromJson<number[]>('[1,2]'); // [1, 2]
 */
export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/**
 * @example
 * toExecutionRow(await db.selectFrom('executions').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
 */
export function toExecutionRow(row: Selectable<ExecutionsTable>): ExecutionRow {
  return {
    id: row.id,
    flowId: row.flow_id,
    revisionHash: row.revision_hash,
    status: row.status as ExecutionStatus,
    triggerKind: row.trigger_kind as TriggerKind,
    businessKey: row.business_key,
    trigger: fromJson<unknown>(row.trigger),
    error: fromJson<ExecutionError>(row.error),
    errorSignature: row.error_signature,
    failedNodeId: row.failed_node_id,
    response: fromJson<WebhookResponse>(row.response),
    replayOf: row.replay_of,
    idempotencyBase: row.idempotency_base,
    runCount: Number(row.run_count),
    lostCount: Number(row.lost_count ?? 0),
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    resumeAt: row.resume_at,
    workerId: row.worker_id,
    heartbeatAt: row.heartbeat_at,
    cancelRequested: Number(row.cancel_requested) === 1,
    deadLetter: row.dead_letter as DeadLetterState | null,
  };
}

/**
 * @example
 * toRevisionRow(row).definition.name; // 'Orders'
 */
export function toRevisionRow(row: Selectable<RevisionsTable>): RevisionRow {
  return {
    flowId: row.flow_id,
    hash: row.hash,
    version: Number(row.version),
    definition: JSON.parse(row.definition) as FlowDefinition,
    createdAt: row.created_at,
    createdBy: row.created_by,
    message: row.message,
  };
}

/**
 * @example
 * toDeploymentRow(row).revisionHash;
 */
export function toDeploymentRow(
  row: Selectable<DeploymentsTable> | Selectable<DeploymentHistoryTable>,
): DeploymentRow {
  return {
    flowId: row.flow_id,
    revisionHash: row.revision_hash,
    version: Number(row.version),
    deployedAt: row.deployed_at,
    deployedBy: row.deployed_by,
  };
}

/**
 * The credential without its secret column.
 *
 * @example
 * toCredentialMeta(row).allowedHosts; // ['127.0.0.1']
 */
export function toCredentialMeta(row: Omit<Selectable<CredentialsTable>, 'secret'>): CredentialMeta {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    allowedHosts: fromJson<string[]>(row.allowed_hosts) ?? [],
    maxConcurrency:
      row.max_concurrency === null || row.max_concurrency === undefined ? null : Number(row.max_concurrency),
    partnerId: row.partner_id ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * @example
 * toAuditEvent(row).details; // { from: 1, to: 2 }
 */
export function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: fromJson<unknown>(row.details),
  };
}
