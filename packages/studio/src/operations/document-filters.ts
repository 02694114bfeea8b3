/**
 * The documents search's filters as they live in the URL, like the executions list's, so "the
 * overdue acknowledgments of XYZ Retail" is a link to share.
 */
export interface DocumentFilters {
  /** The trading-partner profile (a credential id). */
  partner: string;
  direction: '' | 'inbound' | 'outbound';
  ack: '' | AckFilter;
  /** An interchange or group control number. */
  control: string;
}

export type AckFilter =
  | 'pending'
  | 'overdue'
  | 'accepted'
  | 'accepted-with-errors'
  | 'partially-accepted'
  | 'rejected';

/** The acknowledgment choices, in the order the filter offers them, with their words. */
export const ACK_FILTERS: ReadonlyArray<readonly [AckFilter, string]> = [
  ['pending', 'Pending'],
  ['overdue', 'Overdue'],
  ['accepted', 'Accepted'],
  ['accepted-with-errors', 'Accepted with errors'],
  ['partially-accepted', 'Partially accepted'],
  ['rejected', 'Rejected'],
];

export const EMPTY_DOCUMENT_FILTERS: DocumentFilters = { partner: '', direction: '', ack: '', control: '' };

const isAck = (value: string): value is AckFilter => ACK_FILTERS.some(([ack]) => ack === value);

/**
 * The filters named by a query string; values the server would refuse are dropped, so an old or
 * mistyped link shows every document rather than an error.
 *
 * @example
 * parseDocumentFilters('?ack=overdue&partner=xyz'); // { partner: 'xyz', direction: '', ack: 'overdue', control: '' }
 */
export function parseDocumentFilters(search: string): DocumentFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const direction = params.get('direction') ?? '';
  const ack = params.get('ack') ?? '';
  return {
    partner: params.get('partner')?.trim() ?? '',
    direction: direction === 'inbound' || direction === 'outbound' ? direction : '',
    ack: isAck(ack) ? ack : '',
    control: params.get('control')?.trim() ?? '',
  };
}

/**
 * The set filters as query values for /api/documents and the page URL.
 *
 * @example
 * documentQuery({ ...EMPTY_DOCUMENT_FILTERS, ack: 'overdue' }); // { ack: 'overdue' }
 */
export function documentQuery(filters: DocumentFilters): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ['partner', 'direction', 'ack', 'control'] as const) {
    const value = filters[key].trim();
    if (value) values[key] = value;
  }
  return values;
}
