import { type FormEvent, useEffect, useId, useState } from 'react';
import { ACK_FILTERS, type DocumentFilters, EMPTY_DOCUMENT_FILTERS } from './document-filters.js';

/**
 * The documents search form. Direction and acknowledgment apply at once; the partner and the
 * control number on "Search" (or Enter), so the URL does not change on every keystroke.
 */
export function DocumentFilterBar({
  filters,
  partners,
  onChange,
}: {
  filters: DocumentFilters;
  /** Partner profiles to suggest (id and name); empty when the reader may not list credentials. */
  partners: Array<{ id: string; name: string }>;
  onChange(filters: DocumentFilters): void;
}) {
  const [draft, setDraft] = useState(filters);
  // The URL is the truth: back/forward and shared links replace what was being typed.
  useEffect(() => setDraft(filters), [filters]);
  const listId = useId();
  const applyNow = (next: DocumentFilters) => {
    setDraft(next);
    onChange(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form className="filters card" onSubmit={submit} aria-label="Filter documents">
      <label>
        Partner
        <input
          value={draft.partner}
          list={listId}
          onChange={(e) => setDraft({ ...draft, partner: e.target.value })}
          placeholder="partner profile id"
        />
      </label>
      {/* Outside the label, so the suggestions are not read as part of the field's name. */}
      <datalist id={listId}>
        {partners.map((partner) => (
          <option key={partner.id} value={partner.id}>
            {partner.name}
          </option>
        ))}
      </datalist>
      <label>
        Direction
        <select
          value={draft.direction}
          onChange={(e) => applyNow({ ...draft, direction: e.target.value as DocumentFilters['direction'] })}
        >
          <option value="">Received and sent</option>
          <option value="inbound">Received</option>
          <option value="outbound">Sent</option>
        </select>
      </label>
      <label>
        Acknowledgment
        <select
          value={draft.ack}
          onChange={(e) => applyNow({ ...draft, ack: e.target.value as DocumentFilters['ack'] })}
        >
          <option value="">Any</option>
          {ACK_FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Control number
        <input
          value={draft.control}
          onChange={(e) => setDraft({ ...draft, control: e.target.value })}
          placeholder="interchange or group"
        />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Search
        </button>
        <button type="button" onClick={() => applyNow(EMPTY_DOCUMENT_FILTERS)}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
