import { type ChangeEvent, useState } from 'react';
import { ApiError, api, query } from '../api/client.js';
import type { ExecutionRow, Page } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useEditor, useEditorStore } from './editor-context.js';
import { sampleKey, writeLocal } from './local-store.js';
import type { RunRecord } from './run-record.js';
import './editor.css';

export interface TestRunPanelProps {
  flowId: string;
  /** Test runs need 'flows:write'. */
  canRun: boolean;
  sample: unknown;
  onSample: (sample: unknown) => void;
}

/**
 * Test runs: pin sample trigger data for the flow (pasted JSON, an uploaded file, or a past
 * execution's trigger; kept in localStorage), then run the definition on screen, whole or up to the
 * selected node. The execution record goes to the store, so the canvas and side panel show it.
 */
export function TestRunPanel({ flowId, canRun, sample, onSample }: TestRunPanelProps) {
  const store = useEditorStore();
  const selection = useEditor((state) => state.selection);
  const lastRun = useEditor((state) => state.lastRun);
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const selectedNode =
    selection.length === 1 && selection[0] !== 'trigger' && !selection[0]?.startsWith('note:')
      ? selection[0]
      : undefined;

  const pin = (value: unknown) => {
    writeLocal(sampleKey(flowId), value);
    onSample(value);
  };

  const run = async (stopAfter?: string) => {
    setRunning(true);
    setError(undefined);
    try {
      const record = await api<RunRecord>('POST', `/api/flows/${encodeURIComponent(flowId)}/test-runs`, {
        definition: store.getState().flow,
        trigger: sample ?? {},
        ...(stopAfter ? { stopAfter } : {}),
      });
      store.getState().setProblems([]);
      store.getState().setLastRun(record);
    } catch (failure) {
      if (failure instanceof ApiError && failure.problems.length > 0)
        store.getState().setProblems(failure.problems);
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="wb-test" aria-label="Test run">
      <div className="row">
        <button type="button" className="primary" disabled={!canRun || running} onClick={() => void run()}>
          Run flow
        </button>
        <button
          type="button"
          disabled={!canRun || running || !selectedNode}
          onClick={() => void run(selectedNode)}
        >
          Run to selected node
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Test data{sample === undefined ? '' : ' (pinned)'}
        </button>
        {running ? <span className="muted">Running…</span> : null}
        {lastRun && !running ? (
          <span>
            Last run: <span className={`status ${lastRun.status}`}>{lastRun.status}</span>
            {lastRun.error ? ` ${lastRun.error.message}` : ''}{' '}
            <button type="button" className="link" onClick={() => store.getState().setLastRun(undefined)}>
              Clear
            </button>
          </span>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      {open ? <SampleEditor flowId={flowId} sample={sample} onPin={pin} /> : null}
    </section>
  );
}

function SampleEditor({
  flowId,
  sample,
  onPin,
}: {
  flowId: string;
  sample: unknown;
  onPin: (value: unknown) => void;
}) {
  const [text, setText] = useState(() => (sample === undefined ? '' : JSON.stringify(sample, null, 2)));
  const [error, setError] = useState<unknown>();
  const [past, setPast] = useState<ExecutionRow[]>();

  const pinText = () => {
    try {
      const value = JSON.parse(text) as unknown;
      setError(undefined);
      onPin(value);
    } catch {
      setError(new Error('The sample is not valid JSON.'));
    }
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const content = await file.text();
    let value: unknown = { body: content };
    // A JSON file is the payload itself; anything else (an EDI document, a CSV) is the body.
    if (file.name.endsWith('.json') || file.type.includes('json')) {
      try {
        value = JSON.parse(content);
      } catch {
        value = { body: content };
      }
    }
    setText(JSON.stringify(value, null, 2));
    onPin(value);
  };
  const loadPast = async () => {
    try {
      const page = await api<Page<ExecutionRow>>('GET', `/api/executions${query({ flowId, limit: 20 })}`);
      setPast(page.items);
    } catch (failure) {
      setError(failure);
    }
  };
  const pickPast = async (id: string) => {
    if (!id) return;
    try {
      const execution = await api<ExecutionRow>('GET', `/api/executions/${encodeURIComponent(id)}`);
      setText(JSON.stringify(execution.trigger ?? {}, null, 2));
      onPin(execution.trigger ?? {});
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="card">
      <ErrorBanner error={error} />
      <label>
        Sample trigger data (JSON; for webhooks {'{ headers, query, body }'})
        <textarea value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      </label>
      <div className="row">
        <button type="button" onClick={pinText}>
          Pin sample
        </button>
        <label className="check">
          Upload file
          <input type="file" aria-label="Upload sample file" onChange={(event) => void upload(event)} />
        </label>
        {past === undefined ? (
          <button type="button" onClick={() => void loadPast()}>
            Use a past execution…
          </button>
        ) : (
          <select
            aria-label="Past executions"
            defaultValue=""
            onChange={(event) => void pickPast(event.target.value)}
          >
            <option value="">{past.length === 0 ? 'No executions yet' : 'Pick an execution'}</option>
            {past.map((row) => (
              <option key={row.id} value={row.id}>
                {new Date(row.queuedAt).toLocaleString()} · {row.status}
                {row.businessKey ? ` · ${row.businessKey}` : ''}
              </option>
            ))}
          </select>
        )}
        {sample !== undefined ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              setText('');
              onPin(undefined);
            }}
          >
            Unpin
          </button>
        ) : null}
      </div>
    </div>
  );
}
