import { useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, query } from '../api/client.js';
import type { CredentialMeta, DocumentMeta, Page } from '../api/types.js';
import { DocumentFilterBar } from '../operations/document-filter-bar.js';
import { type DocumentFilters, documentQuery, parseDocumentFilters } from '../operations/document-filters.js';
import { DocumentTable } from '../operations/document-list.js';
import { useCursorPages } from '../operations/use-cursor-pages.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

// The credential types that are trading-partner profiles: documents name their partner by one.
const PARTNER_TYPES = new Set(['edi-x12-partner', 'edi-edifact-partner']);

/**
 * Every interchange received and sent, newest first: support finds one by partner, direction,
 * control number or acknowledgment (the overdue ones are what the alert is about), downloads it,
 * or opens the execution that has it.
 */
export function DocumentsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseDocumentFilters(search), [search]);
  const values = documentQuery(filters);
  const key = JSON.stringify(values);
  const documents = useCursorPages(
    (cursor) => api<Page<DocumentMeta>>('GET', `/api/documents${query({ ...values, cursor, limit: 50 })}`),
    [key],
  );
  // Partner profiles are suggested to those who may list credentials; others type the id.
  const canReadCredentials = useCan('credentials:read');
  const credentials = useAsync(
    () =>
      canReadCredentials
        ? api<{ items: CredentialMeta[] }>('GET', '/api/credentials')
        : Promise.resolve({ items: [] }),
    [canReadCredentials],
  );
  const partners = (credentials.data?.items ?? [])
    .filter((c) => PARTNER_TYPES.has(c.type))
    .map((c) => ({ id: c.id, name: c.settings?.partnerName || c.name }));
  const change = (next: DocumentFilters) => navigate(`/documents${query(documentQuery(next))}`);

  return (
    <section>
      <header className="page-head">
        <h1>Documents</h1>
        {filters.ack !== 'overdue' ? (
          <Link href={`/documents${query({ ...values, ack: 'overdue' })}`}>Overdue acknowledgments</Link>
        ) : null}
      </header>
      <DocumentFilterBar filters={filters} partners={partners} onChange={change} />
      <ErrorBanner error={documents.error} />
      {documents.items.length > 0 ? <DocumentTable documents={documents.items} withExecution /> : null}
      {documents.loading && documents.items.length === 0 ? <p className="muted">Loading documents…</p> : null}
      {!documents.loading && !documents.error && documents.items.length === 0 ? (
        <p className="muted empty">
          {Object.keys(values).length > 0
            ? 'No documents match.'
            : 'No interchange has been received or sent yet.'}
        </p>
      ) : null}
      {documents.hasMore ? (
        <div className="row load-more">
          <button type="button" onClick={documents.loadMore} disabled={documents.loading}>
            {documents.loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </section>
  );
}
