import type { ExecutionError, ExecutionRecord, StepRecord, WebhookResponse } from '@waybill/engine';
import type { FlowDefinition } from '@waybill/flow';
import type { DocumentRepository, SequenceRepository } from './document-types.js';

/**
 * The store's public contract: what the runtime, the server and the CLI may ask of the database.
 * Every method is one transaction unless it says otherwise. Timestamps are ISO-8601 UTC strings;
 * JSON values are returned parsed.
 */

export type StoreDialect = 'sqlite' | 'postgres';

export type ExecutionStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
export type TriggerKind = 'webhook' | 'manual' | 'schedule' | 'poll' | 'replay' | 'test' | 'batch';
export type DeadLetterState = 'open' | 'resolved' | 'ignored';

export interface FlowRow {
  id: string;
  name: string;
  description: string | null;
  /** The trading partner the flow belongs to (partner accounts see only theirs); null otherwise. */
  partnerId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Hash of the newest saved revision, if any. */
  latestRevision: string | null;
  /** Hash of the deployed revision, if any. */
  deployedRevision: string | null;
}

export interface RevisionRow {
  flowId: string;
  hash: string;
  /** 1, 2, 3 … per flow, in save order. */
  version: number;
  definition: FlowDefinition;
  createdAt: string;
  createdBy: string | null;
  message: string | null;
}

export interface DeploymentRow {
  flowId: string;
  revisionHash: string;
  version: number;
  deployedAt: string;
  deployedBy: string | null;
}

export interface CredentialMeta {
  id: string;
  type: string;
  name: string;
  /** Hosts the credential may reach even when private or loopback (e.g. a simulator). */
  allowedHosts: string[];
  /** Calls with this credential running at once across all workers; null = unlimited. */
  maxConcurrency: number | null;
  /** The trading partner the credential belongs to; null for the distributor's own. */
  partnerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialWithSecrets extends CredentialMeta {
  values: Record<string, unknown>;
}

export interface ExecutionRow {
  id: string;
  flowId: string;
  revisionHash: string;
  status: ExecutionStatus;
  triggerKind: TriggerKind;
  businessKey: string | null;
  trigger: unknown;
  error: ExecutionError | null;
  /** flow + node + error code + normalised message, for grouping the dead-letter inbox. */
  errorSignature: string | null;
  failedNodeId: string | null;
  response: WebhookResponse | null;
  /** The execution this one replays; its idempotency base is inherited. */
  replayOf: string | null;
  idempotencyBase: string;
  /** How many times a worker has started it (1 after the first run; resumptions add one). */
  runCount: number;
  /** How many workers died while running it (taken over when stale, or queued again by the reaper). */
  lostCount: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  resumeAt: string | null;
  workerId: string | null;
  heartbeatAt: string | null;
  cancelRequested: boolean;
  deadLetter: DeadLetterState | null;
}

export interface ExecutionFilter {
  flowId?: string;
  status?: ExecutionStatus | ExecutionStatus[];
  revisionHash?: string;
  /** queuedAt >= from, queuedAt < to */
  from?: string;
  to?: string;
  /** Exact match, or prefix match when it ends with `*`. */
  businessKey?: string;
  /** Case-insensitive substring of the id, business key, error message or trigger payload. */
  text?: string;
  deadLetter?: DeadLetterState;
  failedNodeId?: string;
  errorSignature?: string;
  /** Only executions of flows that belong to this partner. */
  partnerId?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null on the last page. */
  nextCursor: string | null;
}

export interface NewExecution {
  flowId: string;
  revisionHash: string;
  triggerKind: TriggerKind;
  trigger: unknown;
  businessKey?: string | null;
  replayOf?: string | null;
  /** Defaults to the new execution's id. */
  idempotencyBase?: string;
  /** Steps carried over from the replayed execution, reused by the engine. */
  steps?: StepRecord[];
  /** When the first run is due; defaults to now. */
  runAt?: string;
}

export interface AcceptedDelivery {
  executionId: string;
  /** Set when the dedupe key was seen before: the original execution, and nothing new was written. */
  duplicateOf: string | null;
}

export interface OutboxRow {
  id: number;
  executionId: string;
  /** When the job should run (delayed jobs). */
  runAt: string;
  createdAt: string;
}

export interface JobRow {
  id: number;
  executionId: string;
  runAt: string;
  attempts: number;
}

export interface DeadLetterGroup {
  flowId: string;
  failedNodeId: string | null;
  errorSignature: string;
  errorCode: string;
  /** The message of the newest execution in the group. */
  sampleMessage: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

export interface FlowRepository {
  /** Throws StoreConflictError when the id exists. */
  create(input: {
    id: string;
    name: string;
    description?: string | null;
    partnerId?: string | null;
  }): Promise<FlowRow>;
  get(id: string): Promise<FlowRow | undefined>;
  /** Every flow, or only one partner's. */
  list(filter?: { partnerId?: string }): Promise<FlowRow[]>;
  /** Removes the flow, its revisions, deployment and cursors; executions stay for history. Returns false when absent. */
  delete(id: string): Promise<boolean>;
}

export interface RevisionRepository {
  /**
   * Saves a definition as a revision (the flow's name/description follow it). Saving content whose
   * hash the flow already has returns that revision with created=false, storing the new layout
   * with it when only the layout differs (layoutUpdated=true).
   */
  save(
    flowId: string,
    definition: FlowDefinition,
    hash: string,
    meta?: { createdBy?: string; message?: string },
  ): Promise<{ revision: RevisionRow; created: boolean; layoutUpdated: boolean }>;
  /** By hash, or by version number. */
  get(flowId: string, ref: string | number): Promise<RevisionRow | undefined>;
  /** Newest first, with definitions. */
  list(flowId: string): Promise<RevisionRow[]>;
}

export interface DeploymentRepository {
  deploy(flowId: string, revisionHash: string, deployedBy?: string | null): Promise<DeploymentRow>;
  current(flowId: string): Promise<DeploymentRow | undefined>;
  /** Newest first. */
  history(flowId: string): Promise<DeploymentRow[]>;
}

export interface CredentialRepository {
  create(input: {
    id: string;
    type: string;
    name: string;
    values: Record<string, unknown>;
    allowedHosts?: string[];
    maxConcurrency?: number | null;
    partnerId?: string | null;
  }): Promise<CredentialMeta>;
  /** Values given replace the stored ones field by field; fields set to null are removed. */
  update(
    id: string,
    patch: {
      name?: string;
      values?: Record<string, unknown | null>;
      allowedHosts?: string[];
      maxConcurrency?: number | null;
    },
  ): Promise<CredentialMeta | undefined>;
  get(id: string): Promise<CredentialMeta | undefined>;
  /**
   * Re-keys every credential under the active master key (data keys rewrapped, v1 rows encrypted
   * afresh), one row at a time so the service keeps running. Returns how many were changed, and
   * the ids of those no configured key opens (left as they are).
   */
  rotateKeys(): Promise<{ total: number; rotated: number; unreadable: string[]; activeKeyId: string }>;
  /** Decrypts; only the runtime calls this. */
  reveal(id: string): Promise<CredentialWithSecrets | undefined>;
  /** Every credential, or only one partner's. */
  list(filter?: { partnerId?: string }): Promise<CredentialMeta[]>;
  delete(id: string): Promise<boolean>;
}

export interface IntakeRepository {
  /**
   * One transaction: the delivery (unique per flow and dedupe key), the queued execution and its
   * outbox row. A repeated dedupe key writes nothing and names the original execution.
   */
  accept(input: NewExecution & { dedupeKey?: string | null }): Promise<AcceptedDelivery>;
}

export interface ExecutionRepository {
  /** A queued execution plus its outbox row (manual runs, replays). */
  create(input: NewExecution): Promise<ExecutionRow>;
  get(id: string): Promise<ExecutionRow | undefined>;
  steps(id: string): Promise<StepRecord[]>;
  list(
    filter: ExecutionFilter,
    page?: { cursor?: string | null; limit?: number },
  ): Promise<Page<ExecutionRow>>;
  /** Executions matching a filter, ids only, for bulk actions (bounded by limit). */
  ids(filter: ExecutionFilter, limit: number): Promise<string[]>;
  /**
   * A worker takes the execution: queued, waiting, or running with a stale heartbeat become running
   * (runCount + 1, workerId, heartbeatAt = now). Returns undefined, writing nothing, when it is
   * finished, cancelled, or running under another live worker.
   */
  claim(id: string, workerId: string, staleBefore: string): Promise<ExecutionRow | undefined>;
  /** Upserts steps by (execution, key). */
  checkpoint(id: string, steps: StepRecord[]): Promise<void>;
  /**
   * Records the end of a run: remaining steps, status, error, response, timings; a failure opens a
   * dead-letter entry; `waiting` stores resumeAt and schedules the resumption in the outbox.
   */
  finish(id: string, record: ExecutionRecord): Promise<ExecutionRow>;
  /** Sets heartbeatAt for the worker's executions; returns those whose cancellation was requested. */
  heartbeat(workerId: string, ids: string[]): Promise<string[]>;
  /** queued/waiting → cancelled at once; running → cancelRequested; finished → unchanged. */
  requestCancel(id: string): Promise<{ outcome: 'cancelled' | 'requested' | 'finished' | 'missing' }>;
  /** Running executions whose heartbeat is older than the given time. */
  stale(heartbeatBefore: string, limit: number): Promise<ExecutionRow[]>;
  /**
   * Back to queued with an outbox row so it is published again: its worker is gone, or (with
   * `undoClaim`) the worker that claimed it found no free concurrency slot and did not run it, so
   * the claim is taken back (run count, start time) and it is published at `runAt`.
   */
  requeue(id: string, options?: { runAt?: string; undoClaim?: boolean; lostWorker?: boolean }): Promise<void>;
  /**
   * Publishes queued executions again (a new outbox row each), for jobs the queue lost; executions
   * no longer queued are left alone. Returns how many were republished.
   */
  republish(ids: string[]): Promise<number>;
  /** Ends a stuck execution as failed with the given error (opening a dead letter). */
  abandon(id: string, error: ExecutionError): Promise<void>;
  deadLetterGroups(filter: { flowId?: string; partnerId?: string }): Promise<DeadLetterGroup[]>;
  /** Sets the dead-letter state of executions; returns how many changed. */
  setDeadLetter(ids: string[], state: DeadLetterState): Promise<number>;
  /** Counts by status, for metrics. */
  countByStatus(): Promise<Record<ExecutionStatus, number>>;
}

export interface OutboxRepository {
  /** Rows not yet published, created before `createdBefore`, oldest first. */
  pending(createdBefore: string, limit: number): Promise<OutboxRow[]>;
  markPublished(ids: number[]): Promise<void>;
}

/** The embedded queue's table; BullMQ keeps its jobs in Redis instead. */
export interface JobRepository {
  enqueue(jobs: Array<{ executionId: string; runAt: string }>): Promise<void>;
  /** Leases up to `limit` due jobs to the worker until `leaseUntil`. */
  claim(workerId: string, limit: number, now: string, leaseUntil: string): Promise<JobRow[]>;
  extend(ids: number[], leaseUntil: string): Promise<void>;
  complete(ids: number[]): Promise<void>;
  /** Gives a job back, due at runAt (default now). */
  release(id: number, runAt?: string): Promise<void>;
  depth(now: string): Promise<{ ready: number; delayed: number; leased: number }>;
}

export interface AuditRepository {
  append(event: {
    actor: string;
    action: string;
    targetType?: string | null;
    targetId?: string | null;
    details?: unknown;
  }): Promise<void>;
  list(
    filter: { actor?: string; action?: string; targetId?: string; from?: string; to?: string },
    page?: { cursor?: string | null; limit?: number },
  ): Promise<Page<AuditEvent>>;
}

/** Durable cursors of polling triggers and the last run of schedules, by key. */
export interface CursorRepository {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * Leased concurrency slots shared by every process on the database (the limiter used without
 * Redis). A slot is identified by its key and a token chosen by the holder.
 */
export interface SlotRepository {
  /** Takes a slot of `key` when fewer than `limit` unexpired ones are held; false otherwise. */
  acquire(key: string, token: string, limit: number, leaseUntil: string): Promise<boolean>;
  /** Moves a held slot's lease end; a slot that expired and was dropped stays gone. */
  extend(key: string, token: string, leaseUntil: string): Promise<void>;
  release(key: string, token: string): Promise<void>;
}

export type UserRole = 'admin' | 'designer' | 'operator' | 'viewer';

/** A user as the API shows it: never the password hash. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Set for partner accounts: they see only their partner's flows and executions. */
  partnerId: string | null;
  disabled: boolean;
  hasPassword: boolean;
  /** The password is one-time: the user must choose their own before doing anything else. */
  passwordChangeRequired: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export interface ApiTokenRow {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * Users, sessions and API tokens. Tokens arrive here already hashed: the store never sees a
 * secret it could leak.
 */
export interface AccountRepository {
  /** Throws StoreConflictError when the email is taken (emails compare case-insensitively). */
  createUser(input: {
    email: string;
    name: string;
    role: UserRole;
    partnerId?: string | null;
    passwordHash?: string | null;
    /** Makes the password one-time: it works until then, once, and must be replaced. */
    oneTimeUntil?: string | null;
  }): Promise<UserRow>;
  updateUser(
    id: string,
    patch: {
      name?: string;
      role?: UserRole;
      partnerId?: string | null;
      disabled?: boolean;
      /** A new password; one-time when `oneTimeUntil` is given, the user's own otherwise. */
      passwordHash?: string | null;
      oneTimeUntil?: string | null;
    },
  ): Promise<UserRow | undefined>;
  getUser(id: string): Promise<UserRow | undefined>;
  /** The user and their password hash, for signing in. */
  findForSignIn(
    email: string,
  ): Promise<(UserRow & { passwordHash: string | null; passwordExpiresAt: string | null }) | undefined>;
  listUsers(): Promise<UserRow[]>;
  countUsers(): Promise<number>;
  /** Enabled admins without a partner: the last one may not be demoted or disabled. */
  countActiveAdmins(): Promise<number>;
  recordSignIn(id: string): Promise<void>;

  createSession(input: {
    tokenHash: string;
    csrfHash: string;
    userId: string;
    expiresAt: string;
  }): Promise<void>;
  /** The session's user and CSRF hash while the session lives and the user is enabled. */
  findSession(tokenHash: string): Promise<{ user: UserRow; csrfHash: string; expiresAt: string } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Signs a user out everywhere (after a password or role change). */
  deleteSessionsOf(userId: string): Promise<number>;

  createToken(input: {
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    expiresAt?: string | null;
  }): Promise<ApiTokenRow>;
  /** The token's user while the token is neither revoked nor expired and the user is enabled; notes the use. */
  useToken(tokenHash: string): Promise<{ token: ApiTokenRow; user: UserRow } | undefined>;
  getToken(id: string): Promise<ApiTokenRow | undefined>;
  listTokens(userId: string): Promise<ApiTokenRow[]>;
  revokeToken(id: string): Promise<ApiTokenRow | undefined>;
}

export interface StatusBucket {
  /** The hour's start, ISO. */
  start: string;
  counts: Partial<Record<ExecutionStatus, number>>;
}

export interface NodeTiming {
  flowId: string;
  nodeId: string;
  type: string;
  /** Steps measured (attempts summed per step). */
  count: number;
  avgMs: number;
  p95Ms: number;
}

/** Dashboard figures: executions per status and hour, and the slowest nodes of recent executions. */
export interface StatsRepository {
  overview(input: {
    since: string;
    partnerId?: string | undefined;
    /** How many of the newest executions node timings are taken from. Default 2,000. */
    sampleExecutions?: number;
    nodeLimit?: number;
  }): Promise<{ since: string; buckets: StatusBucket[]; slowestNodes: NodeTiming[] }>;
}

export interface Store {
  readonly dialect: StoreDialect;
  readonly flows: FlowRepository;
  readonly revisions: RevisionRepository;
  readonly deployments: DeploymentRepository;
  readonly credentials: CredentialRepository;
  readonly intake: IntakeRepository;
  readonly executions: ExecutionRepository;
  readonly outbox: OutboxRepository;
  readonly jobs: JobRepository;
  readonly audit: AuditRepository;
  readonly cursors: CursorRepository;
  readonly slots: SlotRepository;
  readonly documents: DocumentRepository;
  readonly sequences: SequenceRepository;
  readonly accounts: AccountRepository;
  readonly stats: StatsRepository;
  /** Round trip to the database, for readiness checks. */
  ping(): Promise<void>;
  /** SQLite: commits made by this process so far (PostgreSQL reports them in pg_stat_database). */
  commitCount(): number | undefined;
  close(): Promise<void>;
}
