import { type MouseEvent, useState } from 'react';
import { fetchBlob } from '../api/client.js';
import type { DocumentMeta } from '../api/types.js';

/**
 * Where a document's exact bytes are served.
 *
 * @example
 * documentContentPath('doc_1'); // '/api/documents/doc_1/content'
 */
export function documentContentPath(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/content`;
}

/**
 * Hands bytes to the browser as a download named `fileName`.
 *
 * @example
 * saveBlob(await fetchBlob(documentContentPath(doc.id)), doc.fileName);
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel a download that has not started yet; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Download" for one stored interchange. The link is a real one (it can be copied or opened in a
 * new tab with the session cookie); a click fetches the bytes in the page instead, so a document
 * that is gone or a session that ended shows a sentence here rather than a failed download, and
 * the file keeps its stored name (the server's header spells unusual characters as `_`).
 *
 * @example
 * <DownloadLink doc={doc} />
 */
export function DownloadLink({ doc }: { doc: DocumentMeta }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks (new tab, save link as) keep the browser's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      saveBlob(await fetchBlob(documentContentPath(doc.id)), doc.fileName);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <a
        href={documentContentPath(doc.id)}
        download={doc.fileName}
        aria-label={`Download ${doc.fileName}`}
        aria-busy={busy || undefined}
        onClick={(event) => void download(event)}
      >
        {busy ? 'Downloading…' : 'Download'}
      </a>
      {error ? (
        <div className="download-error" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
