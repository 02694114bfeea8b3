/** How the documents lists word an interchange: its direction, size, control numbers and acknowledgment. */

import type { AckStatus, DocumentMeta } from '../api/types.js';
import { formatTime } from './format.js';

/**
 * The direction as support says it: what the partner sent us, what we sent the partner.
 *
 * @example
 * directionLabel('inbound'); // 'Received'
 */
export function directionLabel(direction: DocumentMeta['direction']): 'Received' | 'Sent' {
  return direction === 'inbound' ? 'Received' : 'Sent';
}

/**
 * A byte count for people, in powers of 1024 as file managers show them.
 *
 * @example
 * formatBytes(812); // '812 B'
 * formatBytes(1536); // '1.5 KB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * The control numbers of a document: the interchange's, then its groups' when they differ from it.
 *
 * @example
 * controlLabel({ interchangeControl: '000003438', groupControls: ['1421'] }); // '000003438 · group 1421'
 */
export function controlLabel(doc: Pick<DocumentMeta, 'interchangeControl' | 'groupControls'>): string {
  const groups = doc.groupControls.filter((g) => g !== doc.interchangeControl);
  const parts = doc.interchangeControl ? [doc.interchangeControl] : [];
  if (groups.length > 0) parts.push(`${groups.length === 1 ? 'group' : 'groups'} ${groups.join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export type AckTone = 'none' | 'pending' | 'overdue' | 'good' | 'mixed' | 'bad';

/** A document's acknowledgment as a badge: its words, its colour, and the moment beside it. */
export interface AckView {
  label: string;
  tone: AckTone;
  /** E.g. 'due 5/2/2026, 10:00:00 AM' or 'on 5/1/2026, 9:12:00 AM'; empty when there is none. */
  detail: string;
}

const SETTLED: Record<Exclude<AckStatus, 'pending'>, { label: string; tone: AckTone }> = {
  accepted: { label: 'Accepted', tone: 'good' },
  'accepted-with-errors': { label: 'Accepted with errors', tone: 'mixed' },
  'partially-accepted': { label: 'Partially accepted', tone: 'mixed' },
  rejected: { label: 'Rejected', tone: 'bad' },
};

/**
 * Where a document's acknowledgment stands at `now`. A pending one past its due time is overdue:
 * the server stores only "pending" and leaves the clock to the reader (as its ack=overdue filter does).
 *
 * @example
 * ackView({ direction: 'outbound', ackStatus: 'pending', ackDueAt: '2024-01-01T00:00:00Z', acknowledgedAt: null }, Date.now());
 * // { label: 'Overdue', tone: 'overdue', detail: 'was due 1/1/2024, 1:00:00 AM' }
 */
export function ackView(
  doc: Pick<DocumentMeta, 'direction' | 'ackStatus' | 'ackDueAt' | 'acknowledgedAt'>,
  now: number,
): AckView {
  const status = doc.ackStatus;
  if (status === null) {
    // What we received is acknowledged by a document we send; only what we send awaits an answer.
    return doc.direction === 'outbound'
      ? { label: 'Not expected', tone: 'none', detail: '' }
      : { label: '—', tone: 'none', detail: '' };
  }
  if (status === 'pending') {
    const due = doc.ackDueAt ? Date.parse(doc.ackDueAt) : Number.NaN;
    if (!Number.isNaN(due) && due < now) {
      return { label: 'Overdue', tone: 'overdue', detail: `was due ${formatTime(doc.ackDueAt)}` };
    }
    return {
      label: 'Pending',
      tone: 'pending',
      detail: doc.ackDueAt ? `due ${formatTime(doc.ackDueAt)}` : '',
    };
  }
  // A status a newer server adds still shows, in its own words.
  const settled = SETTLED[status] ?? { label: status, tone: 'mixed' as const };
  return { ...settled, detail: doc.acknowledgedAt ? `on ${formatTime(doc.acknowledgedAt)}` : '' };
}

/**
 * "1 document", "3 documents": the link on a step that recorded some.
 *
 * @example
 * countLabel(2); // '2 documents'
 */
export function countLabel(count: number): string {
  return `${count} ${count === 1 ? 'document' : 'documents'}`;
}

/**
 * The documents of each node, in the order they were listed, for the step list's links.
 *
 * @example
 * documentsByNode([{ id: 'doc_a', nodeId: 'parse' }]).get('parse'); // [{ id: 'doc_a', nodeId: 'parse' }]
 */
export function documentsByNode<T extends Pick<DocumentMeta, 'nodeId'>>(
  documents: readonly T[],
): Map<string, T[]> {
  const byNode = new Map<string, T[]>();
  for (const doc of documents) {
    const list = byNode.get(doc.nodeId);
    if (list) list.push(doc);
    else byNode.set(doc.nodeId, [doc]);
  }
  return byNode;
}

/**
 * An execution's documents in the order its steps stored them (the API lists newest first, as a
 * search should; within one execution, what was received reads best before what answered it).
 *
 * @example
 * inRunOrder([sent, received]); // [received, sent]
 */
export function inRunOrder<T extends Pick<DocumentMeta, 'createdAt'>>(documents: readonly T[]): T[] {
  // Reversed first, so documents stored in the same millisecond keep the order they were stored in.
  return [...documents].reverse().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * The id of a document's row, which the step list's "1 document" link scrolls to.
 *
 * @example
 * documentRowId('doc_1'); // 'document-doc_1'
 */
export function documentRowId(documentId: string): string {
  return `document-${documentId}`;
}
