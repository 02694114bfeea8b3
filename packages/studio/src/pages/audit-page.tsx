import { useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api, query } from '../api/client.js';
import type { Page } from '../api/types.js';
import { AuditFilterBar } from '../operations/audit-filter-bar.js';
import { type AuditFilters, auditQuery, parseAuditFilters } from '../operations/audit-filters.js';
import { compactJson, formatTime } from '../operations/format.js';
import type { AuditEvent } from '../operations/types.js';
import { useCursorPages } from '../operations/use-cursor-pages.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';

/** Who did what and when, newest first, searchable and exportable for an auditor's tools. */
export function AuditPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const canRead = useCan('audit:read');
  const filters = useMemo(() => parseAuditFilters(search), [search]);
  const values = auditQuery(filters);
  const key = JSON.stringify(values);
  const events = useCursorPages(
    (cursor) =>
      canRead
        ? api<Page<AuditEvent>>('GET', `/api/audit${query({ ...values, cursor, limit: 100 })}`)
        : Promise.resolve({ items: [], nextCursor: null }),
    [key, canRead],
  );
  const change = (next: AuditFilters) => navigate(`/audit${query(auditQuery(next))}`);

  if (!canRead) {
    return (
      <section>
        <h1>Audit log</h1>
        <p className="banner warn">Only admins read the audit log.</p>
      </section>
    );
  }
  return (
    <section>
      <header className="page-head">
        <h1>Audit log</h1>
        <a href={`/api/audit/export${query(values)}`} download="waybill-audit.jsonl">
          Export JSON lines
        </a>
      </header>
      <AuditFilterBar filters={filters} onChange={change} />
      <ErrorBanner error={events.error} />
      {events.items.length > 0 ? (
        <table className="table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.items.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{formatTime(event.at)}</td>
                <td>{event.actor}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.targetType ? <span className="muted">{event.targetType} </span> : null}
                  {event.targetId ? <code>{event.targetId}</code> : null}
                </td>
                <td>
                  <code className="details" title={JSON.stringify(event.details)}>
                    {compactJson(event.details)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {events.loading && events.items.length === 0 ? <p className="muted">Loading the audit log…</p> : null}
      {!events.loading && !events.error && events.items.length === 0 ? (
        <p className="muted empty">No audit events match.</p>
      ) : null}
      {events.hasMore ? (
        <div className="row load-more">
          <button type="button" onClick={events.loadMore} disabled={events.loading}>
            {events.loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
