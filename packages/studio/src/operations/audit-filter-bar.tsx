import { type FormEvent, useEffect, useState } from 'react';
import { type AuditFilters, EMPTY_AUDIT_FILTERS } from './audit-filters.js';
import { isoToLocalInput, localInputToIso } from './format.js';

/** The audit search form; applies on "Search" so the URL does not change on every keystroke. */
export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange(filters: AuditFilters): void;
}) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof AuditFilters, value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form className="filters card" onSubmit={submit} aria-label="Filter the audit log">
      <label>
        Actor
        <input
          value={draft.actor}
          onChange={(e) => set('actor', e.target.value)}
          placeholder="ana@acme.test"
        />
      </label>
      <label>
        Action
        <input
          value={draft.action}
          onChange={(e) => set('action', e.target.value)}
          placeholder="flow.deploy"
        />
      </label>
      <label>
        Target id
        <input value={draft.targetId} onChange={(e) => set('targetId', e.target.value)} />
      </label>
      <label>
        From
        <input
          type="datetime-local"
          value={isoToLocalInput(draft.from)}
          onChange={(e) => set('from', localInputToIso(e.target.value))}
        />
      </label>
      <label>
        Before
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
        <button
          type="button"
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            onChange(EMPTY_AUDIT_FILTERS);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
