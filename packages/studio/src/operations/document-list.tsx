import { Link } from 'wouter';
import type { DocumentMeta } from '../api/types.js';
import { DownloadLink } from './document-download.js';
import {
  ackView,
  controlLabel,
  directionLabel,
  documentRowId,
  formatBytes,
  inRunOrder,
} from './document-format.js';
import { formatTime } from './format.js';

/**
 * A document's acknowledgment as a badge with its moment: pending with its due time, overdue in
 * red, settled with when it came and the execution that brought it.
 *
 * @example
 * <AckBadge doc={doc} now={Date.now()} />
 */
export function AckBadge({ doc, now }: { doc: DocumentMeta; now: number }) {
  const view = ackView(doc, now);
  if (view.tone === 'none') return <span className="muted">{view.label}</span>;
  return (
    <>
      <span className={`status ack-${view.tone}`}>{view.label}</span>
      {view.detail ? <span className="ack-detail">{view.detail}</span> : null}
      {doc.ackExecutionId ? (
        <span className="ack-detail">
          in <Link href={`/executions/${doc.ackExecutionId}`}>{doc.ackExecutionId}</Link>
        </span>
      ) : null}
    </>
  );
}

/**
 * Interchanges as table rows. On an execution's page the rows are its own; in a search
 * (`withExecution`) each also says when it was stored and links to the execution that has it.
 *
 * @example
 * <DocumentTable documents={items} withExecution />
 */
export function DocumentTable({
  documents,
  withExecution = false,
  highlighted,
}: {
  documents: DocumentMeta[];
  withExecution?: boolean;
  /** Rows marked as selected: the documents of the step whose link was followed. */
  highlighted?: ReadonlySet<string>;
}) {
  const now = Date.now();
  return (
    <table className="table documents-table">
      <thead>
        <tr>
          {withExecution ? <th scope="col">When</th> : null}
          <th scope="col">Direction</th>
          <th scope="col">Node</th>
          <th scope="col">File</th>
          <th scope="col">Size</th>
          <th scope="col">Partner</th>
          <th scope="col">Control number</th>
          <th scope="col">Acknowledgment</th>
          {withExecution ? <th scope="col">Execution</th> : null}
          <th scope="col">
            <span className="sr-only">Download</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => {
          const overdue = ackView(doc, now).tone === 'overdue';
          const classes = [overdue ? 'overdue' : '', highlighted?.has(doc.id) ? 'selected' : ''];
          return (
            <tr
              key={doc.id}
              id={documentRowId(doc.id)}
              // Focusable so the step list's link can move the reader (and a screen reader) here.
              tabIndex={-1}
              className={classes.filter(Boolean).join(' ') || undefined}
            >
              {withExecution ? <td className="nowrap">{formatTime(doc.createdAt)}</td> : null}
              <td>{directionLabel(doc.direction)}</td>
              <td>
                <code>{doc.nodeId}</code>
              </td>
              <td>
                <code title={`${doc.contentType} · SHA-256 ${doc.sha256}`}>{doc.fileName}</code>
                {doc.standard ? <span className="tag">{doc.standard.toUpperCase()}</span> : null}
              </td>
              <td className="nowrap">{formatBytes(doc.size)}</td>
              <td>{doc.partner ? <code>{doc.partner}</code> : <span className="muted">—</span>}</td>
              <td>
                <code>{controlLabel(doc)}</code>
              </td>
              <td>
                <AckBadge doc={doc} now={now} />
              </td>
              {withExecution ? (
                <td>
                  <Link href={`/executions/${doc.executionId}`}>
                    <code>{doc.executionId}</code>
                  </Link>
                  {doc.flowId ? <div className="muted">{doc.flowId}</div> : null}
                </td>
              ) : null}
              <td>
                <DownloadLink doc={doc} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The "Documents" section of an execution: every interchange it received or sent, each
 * downloadable as the exact bytes. Nothing at all when it has none, as most flows do not.
 *
 * @example
 * <ExecutionDocuments documents={documents} highlighted={new Set(['doc_1'])} />
 */
export function ExecutionDocuments({
  documents,
  highlighted,
}: {
  documents: DocumentMeta[];
  highlighted?: ReadonlySet<string>;
}) {
  if (documents.length === 0) return null;
  return (
    <section className="execution-documents" aria-labelledby="execution-documents-heading">
      <h2 id="execution-documents-heading">Documents</h2>
      <DocumentTable documents={inRunOrder(documents)} highlighted={highlighted} />
    </section>
  );
}

/**
 * Moves the reader to the rows of these documents: scrolls the first into view and focuses it.
 *
 * @example
 * revealDocuments(byNode.get('parse') ?? []);
 */
export function revealDocuments(documents: readonly Pick<DocumentMeta, 'id'>[]): void {
  const first = documents[0];
  const row = first ? document.getElementById(documentRowId(first.id)) : null;
  if (!row) return;
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  row.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'center' });
  row.focus({ preventScroll: true });
}
