import type { ExecutionStatus } from '../api/types.js';

/**
 * The executions list's filters as they live in the URL query string, so a search can be shared
 * as a link. Times are kept as ISO moments in the URL (the same moment for every reader) and shown
 * in the reader's time zone by the inputs.
 */
export interface ExecutionFilters {
  flowId: string;
  status: ExecutionStatus[];
  revision: string;
  from: string;
  to: string;
  businessKey: string;
  q: string;
  /** Set by links from the dead-letter inbox; shown as removable tags. */
  deadLetter: string;
  failedNodeId: string;
}

export const STATUSES: ExecutionStatus[] = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
];

const TEXT_KEYS = [
  'flowId',
  'revision',
  'from',
  'to',
  'businessKey',
  'q',
  'deadLetter',
  'failedNodeId',
] as const;

export const EMPTY_FILTERS: ExecutionFilters = {
  flowId: '',
  status: [],
  revision: '',
  from: '',
  to: '',
  businessKey: '',
  q: '',
  deadLetter: '',
  failedNodeId: '',
};

/**
 * The filters named by a query string (with or without its `?`); unknown statuses are dropped.
 *
 * @example
 * parseExecutionFilters('?flowId=orders&status=failed&status=queued').status; // ['failed', 'queued']
 */
export function parseExecutionFilters(search: string): ExecutionFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const filters: ExecutionFilters = { ...EMPTY_FILTERS, status: [] };
  for (const key of TEXT_KEYS) filters[key] = params.get(key)?.trim() ?? '';
  const statuses = params.getAll('status').flatMap((value) => value.split(','));
  filters.status = STATUSES.filter((status) => statuses.includes(status));
  return filters;
}

/**
 * The defined filters as API query values (also used for the URL, and as a bulk replay's filter).
 *
 * @example
 * executionQuery({ ...EMPTY_FILTERS, flowId: 'orders' }); // { flowId: 'orders' }
 */
export function executionQuery(filters: ExecutionFilters): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of TEXT_KEYS) {
    const value = filters[key].trim();
    if (value) values[key] = value;
  }
  if (filters.status.length > 0) values.status = [...filters.status];
  return values;
}

/** Whether any filter is set (a bulk replay of everything asks for one first). */
export function hasFilters(filters: ExecutionFilters): boolean {
  return Object.keys(executionQuery(filters)).length > 0;
}
