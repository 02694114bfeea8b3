import type { NodeTypeManifest } from '@waybill/flow';
import { type DragEvent, useMemo, useState } from 'react';
import './editor.css';
import { NodeIcon } from './node-icon.js';

/** The drag payload a palette item carries to the canvas: the node type. */
export const PALETTE_MIME = 'application/x-waybill-node-type';

/**
 * Node types by category with a search box; drag one onto the canvas, or click it to add it.
 *
 * @example
 * <Palette nodeTypes={catalog.nodeTypes} onAdd={(manifest) => addAtCentre(manifest)} />
 */
export function Palette({
  nodeTypes,
  onAdd,
  disabled,
}: {
  nodeTypes: readonly NodeTypeManifest[];
  onAdd: (manifest: NodeTypeManifest) => void;
  disabled: boolean;
}) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupByCategory(nodeTypes, search), [nodeTypes, search]);
  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="wb-palette" aria-label="Node types">
      <input
        type="search"
        aria-label="Search node types"
        placeholder="Search nodes…"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {groups.length === 0 ? <p className="muted">No node type matches.</p> : null}
      {groups.map(([category, items]) => (
        <section key={category}>
          <h3>{category}</h3>
          {items.map((manifest) => (
            <button
              key={manifest.type}
              type="button"
              className="wb-palette-item"
              data-node-type={manifest.type}
              draggable={!disabled}
              disabled={disabled}
              title={manifest.description ?? manifest.type}
              aria-label={manifest.title}
              onDragStart={(event) => onDragStart(event, manifest.type)}
              onClick={() => onAdd(manifest)}
            >
              <span className="wb-palette-title">
                <NodeIcon name={manifest.icon} category={manifest.category} />
                {manifest.title}
              </span>
              <small aria-hidden="true">{manifest.type}</small>
            </button>
          ))}
        </section>
      ))}
    </aside>
  );
}

/**
 * The node types matching a search (title, type or description), grouped by category with core first.
 *
 * @example
 * groupByCategory(types, 'odoo'); // [['odoo', [...]]]
 */
export function groupByCategory(
  nodeTypes: readonly NodeTypeManifest[],
  search: string,
): [string, NodeTypeManifest[]][] {
  const needle = search.trim().toLowerCase();
  const groups = new Map<string, NodeTypeManifest[]>();
  for (const manifest of nodeTypes) {
    const haystack = `${manifest.title} ${manifest.type} ${manifest.description ?? ''}`.toLowerCase();
    if (needle && !haystack.includes(needle)) continue;
    groups.set(manifest.category, [...(groups.get(manifest.category) ?? []), manifest]);
  }
  return [...groups.entries()].sort(([a], [b]) =>
    a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b),
  );
}
