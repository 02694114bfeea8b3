import type { FlowDiff, ValueChange } from '@waybill/flow';
import './editor.css';

/**
 * The changes of a FlowDiff as a list: nodes added, removed and changed (each value and expression
 * before and after, side by side), connections, trigger and name changes.
 *
 * @example
 * <DiffChangeList diff={diff} />
 */
export function DiffChangeList({ diff }: { diff: FlowDiff }) {
  if (!diff.changed) {
    return <p className="muted">{diff.layoutChanged ? 'Only the layout changed.' : 'No changes.'}</p>;
  }
  return (
    <div>
      {diff.meta.length > 0 || diff.trigger.length > 0 ? (
        <section>
          <h3>Flow and trigger</h3>
          {[...diff.meta, ...diff.trigger].map((change) => (
            <ValueRow key={change.path} change={change} />
          ))}
        </section>
      ) : null}
      {diff.nodesAdded.length > 0 ? (
        <section>
          <h3>Added</h3>
          <ul>
            {diff.nodesAdded.map((node) => (
              <li key={node.id}>
                <code>{node.id}</code> <span className="muted">{node.type}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.nodesRemoved.length > 0 ? (
        <section>
          <h3>Removed</h3>
          <ul>
            {diff.nodesRemoved.map((node) => (
              <li key={node.id}>
                <code>{node.id}</code> <span className="muted">{node.type}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.nodesChanged.map((change) => {
        const expressions = new Set(change.expressionChanges.map((entry) => entry.path));
        return (
          <section key={change.nodeId}>
            <h3>
              Changed <code>{change.nodeId}</code>
              {change.typeChanged ? ` (${change.typeChanged.before} → ${change.typeChanged.after})` : ''}
            </h3>
            {change.expressionChanges.map((entry) => (
              <BeforeAfter key={entry.path} path={entry.path} before={entry.before} after={entry.after} />
            ))}
            {change.changes
              .filter((entry) => !expressions.has(entry.path))
              .map((entry) => (
                <ValueRow key={entry.path} change={entry} />
              ))}
          </section>
        );
      })}
      {diff.edgesAdded.length > 0 || diff.edgesRemoved.length > 0 ? (
        <section>
          <h3>Connections</h3>
          <ul>
            {diff.edgesAdded.map((edge) => (
              <li key={`+${edge.from}-${edge.to}`} className="wb-added">
                + {edge.from} → {edge.to}
              </li>
            ))}
            {diff.edgesRemoved.map((edge) => (
              <li key={`-${edge.from}-${edge.to}`} className="wb-removed">
                − {edge.from} → {edge.to}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.moved.length > 0 ? (
        <section>
          <h3>Fed differently</h3>
          <ul>
            {diff.moved.map((move) => (
              <li key={move.nodeId}>
                <code>{move.nodeId}</code>: {move.before.join(', ') || 'nothing'} →{' '}
                {move.after.join(', ') || 'nothing'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ValueRow({ change }: { change: ValueChange }) {
  return <BeforeAfter path={change.path} before={change.before} after={change.after} />;
}

function BeforeAfter({ path, before, after }: { path: string; before: unknown; after: unknown }) {
  return (
    <div>
      <code>{path}</code>
      <div className="wb-before-after">
        <pre className="before">{show(before)}</pre>
        <pre className="after">{show(after)}</pre>
      </div>
    </div>
  );
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
