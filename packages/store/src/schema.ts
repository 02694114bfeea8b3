import type { Generated } from 'kysely';

/**
 * Kysely's view of the tables. Columns hold what both dialects can store the same way:
 * timestamps as ISO-8601 UTC text (so they sort as text), JSON as text, booleans as 0/1 integers.
 */
export interface Database {
  flows: FlowsTable;
  revisions: RevisionsTable;
  deployments: DeploymentsTable;
  deployment_history: DeploymentHistoryTable;
  credentials: CredentialsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  executions: ExecutionsTable;
  steps: StepsTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  cursors: CursorsTable;
  concurrency_slots: ConcurrencySlotsTable;
  documents: DocumentsTable;
  sequences: SequencesTable;
  sequence_allocations: SequenceAllocationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

export interface FlowsTable {
  id: string;
  name: string;
  description: string | null;
  /** The trading partner the flow belongs to; null for the distributor's own flows. */
  partner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RevisionsTable {
  flow_id: string;
  hash: string;
  version: number;
  definition: string;
  created_at: string;
  created_by: string | null;
  message: string | null;
}

export interface DeploymentsTable {
  flow_id: string;
  revision_hash: string;
  version: number;
  deployed_at: string;
  deployed_by: string | null;
}

export interface DeploymentHistoryTable {
  id: Generated<number>;
  flow_id: string;
  revision_hash: string;
  version: number;
  deployed_at: string;
  deployed_by: string | null;
}

export interface CredentialsTable {
  id: string;
  type: string;
  name: string;
  /** JSON array of host names. */
  allowed_hosts: string;
  /** Versioned ciphertext of the values JSON, see credential-cipher.ts. */
  secret: string;
  /** Calls with this credential at once across all workers; null = unlimited. */
  max_concurrency: number | null;
  /** The trading partner the credential belongs to; null for the distributor's own. */
  partner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  flow_id: string;
  dedupe_key: string;
  execution_id: string;
  received_at: string;
}

export interface ExecutionsTable {
  id: string;
  flow_id: string;
  revision_hash: string;
  status: string;
  trigger_kind: string;
  business_key: string | null;
  trigger: string | null;
  error: string | null;
  error_signature: string | null;
  failed_node_id: string | null;
  response: string | null;
  replay_of: string | null;
  idempotency_base: string;
  run_count: number;
  /** Workers that died holding it (stale takeovers and reaper requeues); not runs that waited. */
  lost_count: Generated<number>;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  resume_at: string | null;
  worker_id: string | null;
  heartbeat_at: string | null;
  cancel_requested: number;
  dead_letter: string | null;
}

export interface StepsTable {
  execution_id: string;
  key: string;
  /** Order of first recording within the execution; an upsert keeps it. */
  seq: number;
  node_id: string;
  status: string;
  /** The whole StepRecord as JSON. */
  record: string;
}

export interface OutboxTable {
  id: Generated<number>;
  execution_id: string;
  run_at: string;
  created_at: string;
  published_at: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  execution_id: string;
  run_at: string;
  attempts: number;
  lease_until: string | null;
  worker_id: string | null;
  created_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string | null;
}

export interface CursorsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** An interchange (or other file) an execution received or sent; see document-repository.ts. */
export interface DocumentsTable {
  id: string;
  execution_id: string;
  node_id: string;
  step_key: string;
  ordinal: number;
  flow_id: string | null;
  direction: string;
  file_name: string;
  content_type: string;
  content: Buffer;
  size: number;
  sha256: string;
  partner: string | null;
  standard: string | null;
  interchange_control: string | null;
  /** JSON array of the functional group control numbers in the interchange. */
  group_controls: string | null;
  ack_status: string | null;
  ack_due_at: string | null;
  acknowledged_at: string | null;
  ack_execution_id: string | null;
  created_at: string;
}

export interface SequencesTable {
  scope: string;
  value: number;
  updated_at: string;
}

export interface SequenceAllocationsTable {
  scope: string;
  allocation_key: string;
  value: number;
  created_at: string;
}

/** A held concurrency slot (see slot-repository.ts); gone when released or expired. */
export interface ConcurrencySlotsTable {
  key: string;
  token: string;
  expires_at: string;
}

export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  role: string;
  partner_id: string | null;
  /** scrypt, see the server's auth/passwords.ts; null until a password is set. */
  password_hash: string | null;
  /** 1 while the password is one-time: the user must choose their own before anything else. */
  password_change_required: number;
  /** When a one-time password stops working; null for a password the user chose. */
  password_expires_at: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session cookie's value. */
  token_hash: string;
  user_id: string;
  /** SHA-256 of the CSRF token the studio sends back in a header. */
  csrf_hash: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token, which is shown once. */
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}
