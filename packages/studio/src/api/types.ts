/** The shapes the API answers with, as the studio reads them (see /api/openapi.json). */

import type { FlowDefinition, NodeTypeManifest, TriggerTypeManifest } from '@waybill/flow';

export type Role = 'admin' | 'designer' | 'operator' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  disabled: boolean;
  hasPassword: boolean;
  passwordChangeRequired: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export interface FlowRow {
  id: string;
  name: string;
  description: string | null;
  partnerId: string | null;
  createdAt: string;
  updatedAt: string;
  latestRevision: string | null;
  deployedRevision: string | null;
}

export interface RevisionSummary {
  flowId: string;
  hash: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  message: string | null;
}

export interface RevisionRow extends RevisionSummary {
  definition: FlowDefinition;
}

export type ExecutionStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';

export interface ExecutionError {
  kind: 'user' | 'connector' | 'system';
  code: string;
  message: string;
  retryable: boolean;
  nodeId?: string;
  upstream?: { status?: number; body?: string };
}

export interface Attempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  error?: ExecutionError;
}

export interface Step {
  key: string;
  nodeId: string;
  type: string;
  status: string;
  input?: unknown;
  output?: unknown;
  port?: string;
  attempts: Attempt[];
  error?: ExecutionError;
  effect?: string;
}

export interface ExecutionRow {
  id: string;
  flowId: string;
  revisionHash: string;
  status: ExecutionStatus;
  businessKey: string | null;
  triggerKind: string;
  trigger?: unknown;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: ExecutionError | null;
  replayOf: string | null;
  deadLetter: 'open' | 'resolved' | 'ignored' | null;
  failedNodeId: string | null;
  steps?: Step[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /api/catalog: node and trigger manifests plus credential types. */
export interface Catalog {
  nodeTypes: NodeTypeManifest[];
  triggerTypes: TriggerTypeManifest[];
  credentialTypes: CredentialTypeManifest[];
}

export interface CredentialField {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  description?: string;
}

export interface CredentialTypeManifest {
  type: string;
  title: string;
  description?: string;
  fields: CredentialField[];
  hasTest: boolean;
}

export interface CredentialMeta {
  id: string;
  type: string;
  name: string;
  allowedHosts: string[];
  maxConcurrency: number | null;
  partnerId: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The values of the fields its type marks as not secret (a URL, a login, a partner profile's
   * ids); secrets never. Absent from servers older than the field, and from create/update answers.
   */
  settings?: Record<string, string>;
}

/** Where an outbound interchange's acknowledgment stands; null on documents that expect none. */
export type AckStatus = 'pending' | 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

/** An interchange an execution received or sent, without its bytes (GET …/content has those). */
export interface DocumentMeta {
  id: string;
  executionId: string;
  nodeId: string;
  flowId: string | null;
  direction: 'inbound' | 'outbound';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The trading-partner profile (a credential id). */
  partner: string | null;
  standard: string | null;
  interchangeControl: string | null;
  groupControls: string[];
  ackStatus: AckStatus | null;
  ackDueAt: string | null;
  acknowledgedAt: string | null;
  /** The execution that received the acknowledgment. */
  ackExecutionId: string | null;
  createdAt: string;
}
