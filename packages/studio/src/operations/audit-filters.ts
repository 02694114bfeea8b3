/**
 * The audit log's filters, kept in the URL like the executions list's, and passed unchanged to
 * both the list and the JSON-lines export so the export holds exactly what is on screen.
 */
export interface AuditFilters {
  actor: string;
  action: string;
  targetId: string;
  /** ISO moments. */
  from: string;
  to: string;
}

const KEYS = ['actor', 'action', 'targetId', 'from', 'to'] as const;

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', targetId: '', from: '', to: '' };

/** The filters named by a query string. */
export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const filters = { ...EMPTY_AUDIT_FILTERS };
  for (const key of KEYS) filters[key] = params.get(key)?.trim() ?? '';
  return filters;
}

/**
 * The set filters as query values for /api/audit, /api/audit/export and the page URL.
 *
 * @example
 * auditQuery({ ...EMPTY_AUDIT_FILTERS, action: 'flow.deploy' }); // { action: 'flow.deploy' }
 */
export function auditQuery(filters: AuditFilters): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of KEYS) {
    const value = filters[key].trim();
    if (value) values[key] = value;
  }
  return values;
}
