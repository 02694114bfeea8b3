import { type FormEvent, useEffect, useState } from 'react';
import type { ExecutionStatus, FlowRow } from '../api/types.js';
import { EMPTY_FILTERS, type ExecutionFilters, STATUSES } from './execution-filters.js';
import { isoToLocalInput, localInputToIso } from './format.js';

/**
 * The executions search form. The flow and statuses apply at once; text and times apply on
 * "Search" (or Enter) so the URL and the list do not change on every keystroke.
 */
export function ExecutionFilterBar({
  filters,
  flows,
  onChange,
}: {
  filters: ExecutionFilters;
  flows: FlowRow[] | undefined;
  onChange(filters: ExecutionFilters): void;
}) {
  const [draft, setDraft] = useState(filters);
  // The URL is the truth: back/forward and shared links replace what was being typed.
  useEffect(() => setDraft(filters), [filters]);

  const set = <K extends keyof ExecutionFilters>(key: K, value: ExecutionFilters[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const applyNow = (next: ExecutionFilters) => {
    setDraft(next);
    onChange(next);
  };
  const toggleStatus = (status: ExecutionStatus, on: boolean) => {
    const chosen = on ? [...draft.status, status] : draft.status.filter((s) => s !== status);
    applyNow({ ...draft, status: STATUSES.filter((s) => chosen.includes(s)) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };

  return (
    <form className="filters card execution-filters" onSubmit={submit} aria-label="Filter executions">
      <label>
        Flow
        <select value={draft.flowId} onChange={(e) => applyNow({ ...draft, flowId: e.target.value })}>
          <option value="">All flows</option>
          {(flows ?? []).map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name} ({flow.id})
            </option>
          ))}
          {draft.flowId && flows && !flows.some((flow) => flow.id === draft.flowId) ? (
            <option value={draft.flowId}>{draft.flowId}</option>
          ) : null}
        </select>
      </label>
      <fieldset className="status-choices">
        <legend>Status</legend>
        {STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={draft.status.includes(status)}
              onChange={(e) => toggleStatus(status, e.target.checked)}
            />
            {status}
          </label>
        ))}
      </fieldset>
      <label>
        Business key
        <input
          value={draft.businessKey}
          onChange={(e) => set('businessKey', e.target.value)}
          placeholder="PO-1001 or PO-10*"
          title="Exact, or a prefix ending in *"
        />
      </label>
      <label>
        Search text
        <input
          type="search"
          value={draft.q}
          onChange={(e) => set('q', e.target.value)}
          placeholder="id, key, error or payload"
        />
      </label>
      <label>
        Revision hash
        <input
          value={draft.revision}
          onChange={(e) => set('revision', e.target.value.trim().toLowerCase())}
          placeholder="64 hex characters"
          pattern="[0-9a-f]{64}"
          title="The full revision hash (64 hex characters)"
        />
      </label>
      <label>
        Queued from
        <input
          type="datetime-local"
          value={isoToLocalInput(draft.from)}
          onChange={(e) => set('from', localInputToIso(e.target.value))}
        />
      </label>
      <label>
        Queued before
        <input
          type="datetime-local"
          value={isoToLocalInput(draft.to)}
          onChange={(e) => set('to', localInputToIso(e.target.value))}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Search
        </button>
        <button type="button" onClick={() => applyNow({ ...EMPTY_FILTERS, status: [] })}>
          Clear filters
        </button>
      </div>
      {draft.deadLetter || draft.failedNodeId ? (
        <div className="row extra-filters">
          {draft.deadLetter ? (
            <span className="tag">
              dead letter: {draft.deadLetter}{' '}
              <button
                type="button"
                className="link"
                aria-label="Remove the dead-letter filter"
                onClick={() => applyNow({ ...draft, deadLetter: '' })}
              >
                ✕
              </button>
            </span>
          ) : null}
          {draft.failedNodeId ? (
            <span className="tag">
              failed at node: {draft.failedNodeId}{' '}
              <button
                type="button"
                className="link"
                aria-label="Remove the failed-node filter"
                onClick={() => applyNow({ ...draft, failedNodeId: '' })}
              >
                ✕
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
