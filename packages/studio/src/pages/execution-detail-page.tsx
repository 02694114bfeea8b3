import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { DocumentMeta, ExecutionRow, Page, Step } from '../api/types.js';
import { documentsByNode } from '../operations/document-format.js';
import { ExecutionDocuments, revealDocuments } from '../operations/document-list.js';
import { ExecutionHeader } from '../operations/execution-header.js';
import { JsonView } from '../operations/json-view.js';
import { ReplayDialog } from '../operations/replay-dialog.js';
import { LiveIndicator } from '../operations/status-badge.js';
import { StepDetail, StepList } from '../operations/step-list.js';
import type { ExecutionSummary } from '../operations/types.js';
import { useExecutionEvents } from '../operations/use-execution-events.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

type Detail = ExecutionRow & ExecutionSummary & { steps: Step[] };

const IN_PROGRESS = new Set(['queued', 'running', 'waiting']);

/** One execution as support reads it: what happened, step by step, with cancel and replay. */
export function ExecutionDetailPage({ params }: { params: { executionId: string } }) {
  // A link to another execution (a replay) starts over with fresh state rather than reusing this one's.
  return <ExecutionDetail key={params.executionId} id={params.executionId} />;
}

function ExecutionDetail({ id }: { id: string }) {
  const execution = useAsync(() => api<Detail>('GET', `/api/executions/${encodeURIComponent(id)}`), [id]);
  // Steps store documents as they run, so the list is asked again whenever the execution is.
  const documents = useAsync(
    () => api<Page<DocumentMeta>>('GET', `/api/executions/${encodeURIComponent(id)}/documents`),
    [id],
  );
  const [shownNode, setShownNode] = useState<string>();
  const canOperate = useCan('executions:operate');
  const [selected, setSelected] = useState<string>();
  const [replaying, setReplaying] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const data = execution.data;

  // Events of this execution make the page ask again, at most every few hundred milliseconds.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      execution.reload();
      documents.reload();
    }, 300);
  };
  const live = useExecutionEvents(
    data?.flowId,
    {
      onEvent(event) {
        if (event.executionId === id) refresh();
      },
      onReconnect: refresh,
    },
    Boolean(data),
  );

  const cancel = async () => {
    setActionError(undefined);
    setNotice(undefined);
    try {
      const { outcome } = await api<{ outcome: string }>(
        'POST',
        `/api/executions/${encodeURIComponent(id)}/cancel`,
      );
      setNotice(
        outcome === 'cancelled'
          ? 'The execution is cancelled.'
          : outcome === 'requested'
            ? 'Cancel requested: the worker stops the execution after its current node.'
            : 'The execution had already finished.',
      );
      execution.reload();
      documents.reload();
    } catch (failure) {
      setActionError(failure);
    }
  };

  const steps = data?.steps ?? [];
  const documentItems = useMemo(() => documents.data?.items ?? [], [documents.data]);
  const byNode = useMemo(() => documentsByNode(documentItems), [documentItems]);
  const highlighted = useMemo(
    () => new Set((shownNode ? byNode.get(shownNode) : undefined)?.map((d) => d.id) ?? []),
    [byNode, shownNode],
  );
  const showDocuments = (nodeId: string) => {
    setShownNode(nodeId);
    revealDocuments(byNode.get(nodeId) ?? []);
  };
  const step = steps.find((s) => s.key === selected) ?? steps.find((s) => s.status === 'failed');

  return (
    <section>
      <header className="page-head">
        <div>
          <Link href="/executions">← Executions</Link>
          <h1>
            Execution <code>{id}</code>
          </h1>
        </div>
        <div className="row">
          {data ? <LiveIndicator state={live} /> : null}
          {canOperate && data && IN_PROGRESS.has(data.status) ? (
            <button type="button" className="danger" onClick={() => void cancel()}>
              Cancel execution
            </button>
          ) : null}
          {canOperate && data && !IN_PROGRESS.has(data.status) ? (
            <button type="button" className="primary" onClick={() => setReplaying(true)}>
              Replay…
            </button>
          ) : null}
        </div>
      </header>
      <ErrorBanner error={execution.error} />
      <ErrorBanner error={actionError} />
      {notice ? (
        <div className="banner info" role="status">
          {notice}
        </div>
      ) : null}
      {execution.loading && !data ? <p className="muted">Loading the execution…</p> : null}
      {data ? (
        <>
          <ExecutionHeader execution={data} />
          <div className="execution-body">
            <div>
              <h2>Path taken</h2>
              <StepList
                steps={steps}
                selected={step?.key}
                onSelect={setSelected}
                documents={byNode}
                onShowDocuments={showDocuments}
              />
              <h2>Trigger payload</h2>
              <JsonView title="Trigger payload" value={data.trigger ?? null} />
            </div>
            {step ? <StepDetail step={step} /> : null}
          </div>
          <ErrorBanner error={documents.error} />
          <ExecutionDocuments documents={documentItems} highlighted={highlighted} />
        </>
      ) : null}
      {replaying && data ? <ReplayDialog execution={data} onClose={() => setReplaying(false)} /> : null}
    </section>
  );
}
