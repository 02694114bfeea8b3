import type { Page } from './store-types.js';

export type DocumentDirection = 'inbound' | 'outbound';

/** Where an outbound interchange's acknowledgment stands; null on documents that expect none. */
export type AckStatus = 'pending' | 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

/** What a step records: the bytes and what they are. */
export interface NewDocument {
  executionId: string;
  nodeId: string;
  stepKey: string;
  /** 0 for the step's first document; a retried step records the same ordinals again (kept once). */
  ordinal: number;
  flowId?: string;
  direction: DocumentDirection;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  partner?: string;
  standard?: string;
  interchangeControl?: string;
  groupControls?: string[];
  /** Set when the partner must acknowledge it by then; the document starts as 'pending'. */
  ackDueAt?: string;
}

/** A stored document without its bytes (they are read on their own, for download). */
export interface DocumentMeta {
  id: string;
  executionId: string;
  nodeId: string;
  /** The step that recorded it: the node id, with the item index inside a For each. */
  stepKey: string;
  flowId: string | null;
  direction: DocumentDirection;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
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

export interface DocumentFilter {
  executionId?: string;
  partner?: string;
  direction?: DocumentDirection;
  /** 'overdue': pending past its due time. */
  ack?: AckStatus | 'overdue';
  /** Matches the interchange control number or any group control number. */
  control?: string;
}

/** An acknowledgment received for outbound documents of one partner. */
export interface AcknowledgmentReceived {
  partner: string;
  /** Group control numbers acknowledged (X12 AK102) … */
  groupControl?: string;
  /** … or the interchange control number (EDIFACT CONTRL, X12 TA1). */
  interchangeControl?: string;
  status: Exclude<AckStatus, 'pending'>;
  executionId: string;
}

/**
 * Interchanges received and sent, as exact bytes, with acknowledgment tracking.
 *
 * @example
 * const { id } = await store.documents.record({ executionId, nodeId: 'build', stepKey: 'build', ordinal: 0, direction: 'outbound', … });
 * await store.documents.content(id); // the bytes sent
 */
export interface DocumentRepository {
  /** Stores a document once per (execution, step, ordinal): recording again returns the first. */
  record(document: NewDocument): Promise<DocumentMeta>;
  get(id: string): Promise<DocumentMeta | undefined>;
  content(id: string): Promise<Buffer | undefined>;
  list(
    filter: DocumentFilter,
    page?: { cursor?: string | null; limit?: number },
  ): Promise<Page<DocumentMeta>>;
  /** Marks the pending documents an acknowledgment covers; returns how many. */
  acknowledge(ack: AcknowledgmentReceived): Promise<number>;
  /** Pending acknowledgments past due, for the alert metric. */
  countOverdue(): Promise<number>;
}

/**
 * Counters that never give the same number twice, safe under concurrent workers. A number is
 * allocated to a key (the step's idempotency key and call ordinal), so asking again with the
 * same key returns the same number.
 *
 * @example
 * await store.sequences.next('edi:acme:interchange', 'exec-1/build#0', { start: 1000 }); // 1000
 * await store.sequences.next('edi:acme:interchange', 'exec-1/build#0'); // 1000 again
 */
export interface SequenceRepository {
  next(scope: string, allocationKey: string, options?: { start?: number }): Promise<number>;
  /** The last number handed out, or undefined when none was. */
  current(scope: string): Promise<number | undefined>;
}
