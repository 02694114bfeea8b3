/**
 * Durable records an operation may keep beyond its output: numbers from counters that never
 * repeat (EDI control numbers) and documents exchanged with a partner (the exact bytes of an
 * interchange, and whether the partner acknowledged it). The engine provides store-backed ones in
 * a running Waybill; test runs and unit tests get the in-memory ones below, so a studio test run
 * never uses up a partner's real control numbers.
 */

/**
 * Counters by scope, e.g. `edi:<partner>:interchange`. Calls are tied to the step: the n-th call
 * of a step that is retried or resumed returns the number the n-th call got the first time.
 *
 * @example
 * const isa13 = await ctx.sequences.next(`edi:${partner.id}:interchange`, { start: 1 });
 */
export interface SequenceCounter {
  next(scope: string, options?: { start?: number }): Promise<number>;
}

/**
 * A document a step received or sent.
 *
 * @example
 * await ctx.documents.record({ direction: 'outbound', fileName: '000000017.x12', contentType: 'application/edi-x12',
 *   content: Buffer.from(text, 'latin1'), partner: 'acme', standard: 'x12', interchangeControl: '000000017', groupControls: ['17'],
 *   ackDueAt: '2025-03-02T08:00:00.000Z' });
 */
export interface DocumentToRecord {
  direction: 'inbound' | 'outbound';
  fileName: string;
  contentType: string;
  content: Uint8Array;
  /** The trading partner (its profile's credential id). */
  partner?: string;
  standard?: string;
  interchangeControl?: string;
  groupControls?: string[];
  /** When the partner's acknowledgment is due; absent when none is expected. */
  ackDueAt?: string;
}

/** An acknowledgment received from a partner, for documents sent to it earlier. */
export interface AcknowledgmentToRecord {
  partner: string;
  groupControl?: string;
  interchangeControl?: string;
  status: 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';
}

/**
 * Where documents of an execution are kept. `record` is idempotent per step: a retried step
 * recording its documents again keeps the first copies.
 *
 * @example
 * const { id } = await ctx.documents.record(document);
 * await ctx.documents.acknowledge({ partner: 'acme', groupControl: '17', status: 'accepted' }); // 1
 */
export interface DocumentLog {
  record(document: DocumentToRecord): Promise<{ id: string }>;
  /** Marks the partner's documents the acknowledgment covers; returns how many it found. */
  acknowledge(ack: AcknowledgmentToRecord): Promise<number>;
}

/**
 * Counters held in memory, numbered from each scope's start; for test runs and tests.
 *
 * @example
 * const sequences = createMemorySequences();
 * await sequences.next('a'); // 1
 */
export function createMemorySequences(): SequenceCounter {
  const values = new Map<string, number>();
  return {
    async next(scope, options) {
      const value = (values.get(scope) ?? Math.max(1, options?.start ?? 1) - 1) + 1;
      values.set(scope, value);
      return value;
    },
  };
}

/**
 * A document log held in memory; `documents` lets a test look at what was recorded.
 *
 * @example
 * const log = createMemoryDocumentLog();
 * await log.record(document);
 * log.documents.length; // 1
 */
export function createMemoryDocumentLog(): DocumentLog & {
  documents: (DocumentToRecord & { id: string; ackStatus?: string })[];
} {
  const documents: (DocumentToRecord & { id: string; ackStatus?: string })[] = [];
  return {
    documents,
    async record(document) {
      const id = `doc_memory_${documents.length + 1}`;
      documents.push({ ...document, id, ...(document.ackDueAt ? { ackStatus: 'pending' } : {}) });
      return { id };
    },
    async acknowledge(ack) {
      let count = 0;
      for (const document of documents) {
        const matches =
          document.partner === ack.partner &&
          document.ackStatus !== undefined &&
          (ack.groupControl === undefined || (document.groupControls ?? []).includes(ack.groupControl)) &&
          (ack.interchangeControl === undefined || document.interchangeControl === ack.interchangeControl);
        if (matches) {
          document.ackStatus = ack.status;
          count++;
        }
      }
      return count;
    },
  };
}
